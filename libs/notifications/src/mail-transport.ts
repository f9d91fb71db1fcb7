import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** Where messages go: an SMTP server (SMTP_URL), or .eml files in DATA_DIR/mailbox. */
export interface MailTransport {
  /** For the start log. */
  readonly description: string;
  send(message: Mail.Options): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  // Bounded: a delivery holds its outbox row locked while it talks to the server.
  const transporter: Transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as SMTPTransport.Options);
  const { host, port } = new URL(url);
  return {
    description: `SMTP ${host}:${port || 25}`,
    send: async (message) => {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/** Each message as an RFC 5322 file, named so that `ls` lists them in order. */
export function mailboxTransport(folder: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    description: `the folder ${folder} (.eml files; set SMTP_URL to send them)`,
    send: async (message) => {
      const info = (await transporter.sendMail(message)) as { message: Buffer };
      mkdirSync(folder, { recursive: true });
      const recipient = message.to as string | { address: string } | undefined;
      const address = typeof recipient === 'object' ? recipient.address : (recipient ?? 'unknown');
      const to = address.replace(/[^a-zA-Z0-9@._-]+/g, '_');
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const id = String(message.messageId ?? '')
        .replace(/[^a-zA-Z0-9]+/g, '')
        .slice(0, 12);
      writeFileSync(join(folder, `${stamp}-${to}-${id}.eml`), info.message);
    },
    close: () => transporter.close(),
  };
}
