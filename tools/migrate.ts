/**
 * npm run migration:run | migration:revert   apply / undo migrations on the app's database
 * npm run migration:generate -- <Name>        write a migration for what entities changed
 * npm run migration:check                     fail when entities and migrations disagree
 * generate and check work on a scratch database that they drop afterwards.
 * Also `npm run accord -- migrate run|revert|check|generate <Name>`.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { readEnvironment } from '../apps/api/src/config/read-environment';
import { dataDirLabel, serverForTools, withAdminClient } from './database-for-tools';

const MIGRATIONS_DIR = join(__dirname, '..', 'apps', 'api', 'src', 'migrations');

async function withScratchDatabase<T>(fn: (source: DataSource) => Promise<T>): Promise<T> {
  const server = await serverForTools();
  const name = `accord_scratch_${randomBytes(4).toString('hex')}`;
  try {
    await server.createDatabase(name);
    const source = new DataSource(dataSourceOptions(server.urlFor(name)));
    await source.initialize();
    try {
      await source.runMigrations({ transaction: 'each' });
      return await fn(source);
    } finally {
      await source.destroy();
      await withAdminClient(server.adminUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    }
  } finally {
    await server.stop();
  }
}

async function pendingChanges(source: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await source.driver.createSchemaBuilder().log();
  const render = (q: { query: string; parameters?: unknown[] }) =>
    `await queryRunner.query(\`${q.query.replace(/`/g, '\\`')}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
  return { up: log.upQueries.map(render), down: log.downQueries.reverse().map(render) };
}

async function generate(name: string | undefined): Promise<void> {
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name))
    throw new Error('Usage: npm run migration:generate -- <PascalCaseName>');
  const { up, down } = await withScratchDatabase(pendingChanges);
  if (!up.length) {
    console.log('Entities and migrations agree: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
  const indent = (lines: string[]) => lines.map((l) => `    ${l}`).join('\n');
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${indent(up)}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${indent(down)}\n  }\n}\n`,
  );
  console.log(`Wrote ${file}: read it before committing.`);
}

async function check(): Promise<void> {
  const { up } = await withScratchDatabase(async (source) => {
    const changes = await pendingChanges(source);
    // The down path must work too: revert everything, then migrate up again.
    for (let i = 0; i < source.migrations.length; i++)
      await source.undoLastMigration({ transaction: 'each' });
    await source.runMigrations({ transaction: 'each' });
    return changes;
  });
  if (up.length) {
    throw new Error(
      'Entities and migrations disagree; run npm run migration:generate. Missing:\n' +
        up.join('\n'),
    );
  }
  console.log('Migrations match the entities, and revert cleanly.');
}

async function onAppDatabase(
  command: 'run' | 'revert',
  fn: (source: DataSource) => Promise<void>,
): Promise<void> {
  const server = await serverForTools();
  try {
    // Reverting under a running API would pull the schema from under its queries.
    if (command === 'revert' && server.runningApi)
      throw new Error(
        `The Accord API is running on ${dataDirLabel()} and holds its embedded database: stop it ` +
          '(Ctrl-C or SIGTERM), run the revert again, then start the version of Accord that matches the schema.',
      );
    const url = process.env.DATABASE_URL ?? server.urlFor('accord');
    if (!process.env.DATABASE_URL) await server.createDatabase('accord');
    const source = new DataSource(dataSourceOptions(url));
    await source.initialize();
    try {
      await fn(source);
    } finally {
      await source.destroy();
    }
  } finally {
    await server.stop();
  }
}

export type MigrateCommand = 'run' | 'revert' | 'generate' | 'check';

export async function migrate(command: MigrateCommand, name?: string): Promise<void> {
  switch (command) {
    case 'run':
      return onAppDatabase('run', async (s) => {
        const applied = await s.runMigrations({ transaction: 'each' });
        console.log(
          applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Nothing to apply.',
        );
      });
    case 'revert':
      return onAppDatabase('revert', async (s) => {
        const [{ present }] = (await s.query(
          `SELECT to_regclass('migrations') IS NOT NULL AS present`,
        )) as { present: boolean }[];
        const executed = present
          ? ((await s.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as {
              name: string;
            }[])
          : [];
        await s.undoLastMigration({ transaction: 'each' });
        console.log(executed.length ? `Reverted ${executed[0].name}.` : 'Nothing to revert.');
      });
    case 'generate':
      return generate(name);
    case 'check':
      return check();
    default:
      throw new Error('Usage: migrate.ts run | revert | generate <Name> | check');
  }
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  await readEnvironment();
  await migrate(command as MigrateCommand, name);
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
