import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  /** Every message accepted, parsed back (mailparser), in arrival order. */
  messages: ParsedMail[];
  /** Refuse the next `n` messages with a temporary error (451), then accept again. */
  refuseNext(n: number): void;
  /** How many messages were refused so far. */
  refused(): number;
  /** Waits until `predicate` holds on the messages (polling). */
  waitFor(predicate: (messages: ParsedMail[]) => boolean, what: string, ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server in the test process (smtp-server): what the API sends arrives here. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let toRefuse = 0;
  let refusedCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse--;
          refusedCount++;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(error);
        }
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            messages.push(parsed);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext: (n) => {
      toRefuse = n;
    },
    refused: () => refusedCount,
    async waitFor(predicate, what, ms = 20_000) {
      const until = Date.now() + ms;
      while (!predicate(messages)) {
        if (Date.now() > until)
          throw new Error(`Timed out waiting for ${what} (${messages.length} messages)`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages sent to this address. */
export function to(messages: ParsedMail[], address: string): ParsedMail[] {
  return messages.filter((m) =>
    (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) =>
      a.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()),
    ),
  );
}
