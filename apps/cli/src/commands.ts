import { Argument, Command } from 'commander';

/*
 * The tasks' definitions: names, options and help. Each loads its implementation (Nest, the
 * database, the services) only when it runs, so that --help answers at once.
 */

const DATABASE_HELP = `
Database: DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR (./.data). When an
Accord API runs on that data folder it holds its embedded database, and the task uses that
server (saying so on stderr); otherwise the task starts the embedded server and stops it at
its end. Configuration is read as the API reads it: the environment, then .env (or ENV_FILE).`;

const task = (name: string, summary: string, description: string) =>
  new Command(name).summary(summary).description(description).addHelpText('after', DATABASE_HELP);

export function commands(): Command[] {
  const createUser = task(
    'create-user',
    'create a user (password policy, audited as the system via "cli")',
    'Create a user with the rules of the createUser mutation (email, name, password policy) and\n' +
      'an audit event naming the system (via "cli"). Without --password-stdin the user gets a\n' +
      'reset ticket, printed here, to choose their own password.',
  )
    .requiredOption('--email <email>', "the user's email address (their login)")
    .requiredOption('--name <displayName>', "the user's name as others see it")
    .option('--role <role>', 'platform role: ADMIN, SECRETARIAT or NONE', 'NONE')
    .option('--password-stdin', 'read the password from standard input (never the command line)')
    .action(
      async (options: { email: string; name: string; role: string; passwordStdin?: boolean }) =>
        (await import('./tasks/users')).createUser(options),
    );

  const resetPassword = task(
    'reset-password',
    'print a single-use password reset ticket for a user',
    'Issue a single-use password reset ticket (valid 24 hours) for a user and print it; the\n' +
      'user\'s password is unchanged until they use it. Audited as the system (via "cli").',
  )
    .requiredOption('--email <email>', "the user's email address")
    .action(async (options: { email: string }) =>
      (await import('./tasks/users')).resetPassword(options),
    );

  const seedDemo = task(
    'seed-demo',
    'load the Pall Mall demo data once and print the demo logins',
    'Load the Pall Mall demo data (participants, users, documents, signatures, meetings, an\n' +
      'agenda) once, in one transaction, and print the demo logins. Refused when HOST is beyond\n' +
      'loopback, as the API start is: the demo passwords are published.',
  ).action(async () => (await import('./tasks/seed-demo')).seedDemo());

  const verifyAudit = task(
    'verify-audit',
    'check the audit hash chain and its signed checkpoints (exit 2 when tampered)',
    'Recompute the audit hash chain from the first event and check every signed checkpoint, as\n' +
      'the verifyAuditChain query does. Exit code 0: intact; 2: tampered (the first problem is\n' +
      'printed); 1: the check could not run. Needs the key that signed the checkpoints\n' +
      '(AUDIT_CHECKPOINT_KEY, DATA_DIR/audit-checkpoint-key, or JWT_SECRET with DATABASE_URL).',
  ).action(async () => (await import('./tasks/verify-audit')).verifyAudit());

  const backup = task(
    'backup',
    'write a consistent snapshot of the database to FILE',
    'Write one consistent snapshot of the whole database to FILE (gzip, mode 0600; it holds\n' +
      'password hashes) while the API keeps serving. Same as npm run backup -- FILE.',
  )
    .argument('<file>', 'the file to write; it must not exist')
    .action(async (file: string) => (await import('./tasks/database')).backupTo(file));

  const restore = task(
    'restore',
    'restore a backup FILE into an empty database or data folder',
    'Restore a backup FILE into an empty database (DATABASE_URL) or a new data folder\n' +
      '(DATA_DIR), in one transaction, with row counts and checksums checked. Same as\n' +
      'npm run restore -- FILE.',
  )
    .argument('<file>', 'a file written by the backup task')
    .action(async (file: string) => (await import('./tasks/database')).restoreFrom(file));

  const migration = (name: 'run' | 'revert' | 'check', description: string) =>
    task(name, description, description).action(async () =>
      (await import('./tasks/database')).migrateTask(name),
    );
  const migrate = task(
    'migrate',
    'apply, revert, check or generate migrations',
    'Database migrations (the API also applies them at its start). Same as npm run migration:*.\n' +
      'Revert is refused while an API runs on the embedded database.',
  )
    .addCommand(migration('run', 'apply the pending migrations to the app database'))
    .addCommand(migration('revert', 'undo the last applied migration'))
    .addCommand(
      migration(
        'check',
        'fail when entities and migrations disagree or do not revert (on a scratch database)',
      ),
    )
    .addCommand(
      task(
        'generate',
        'write a migration for what the entities changed',
        'Write a migration for what the entities changed (found on a scratch database).',
      )
        .addArgument(new Argument('<name>', 'PascalCase name of the migration'))
        .action(async (name: string) =>
          (await import('./tasks/database')).migrateTask('generate', name),
        ),
    );

  return [createUser, resetPassword, seedDemo, verifyAudit, backup, restore, migrate];
}
