/**
 * npm run accord -- <task> [options]    (compiled: npm run accord:prod -- <task>)
 * Operator tasks on a running or stopped Accord, without a restart: the same configuration as
 * the API (environment, then .env), the same services and rules, the same audit trail.
 */
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { commands } from './commands';

function program(): Command {
  const cli = new Command('accord')
    .description('Accord operator tasks. `accord <task> --help` describes each.')
    .showHelpAfterError('(add --help for usage)')
    // Configuration is read (and validated) only for a task that runs, not for --help.
    .hook('preAction', async () =>
      (await import('../../api/src/config/read-environment')).readEnvironment(),
    );
  for (const command of commands()) cli.addCommand(command);
  // Errors come back here (no process.exit inside commander), the whole tree over.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(exitOverride);
  };
  exitOverride(cli);
  return cli;
}

/** One line for the operator: the message (and the field at fault), never a stack. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const field = (error as { extensions?: { field?: unknown } }).extensions?.field;
  return field ? `${error.message} (field: ${String(field)})` : error.message;
}

async function main(): Promise<void> {
  try {
    await program().parseAsync(process.argv);
  } catch (error) {
    // Commander has printed its message (or the help) already.
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    console.error(`accord: ${describe(error)}`);
    process.exitCode = 1;
  }
}

// Exit once the task is done: a pool or timer left behind must not keep the process alive.
void main().then(() => process.exit());
