import { ConfigModule } from '@nestjs/config';
// Not the library's index, which loads the whole GraphQL stack: main.ts starts PostgreSQL first.
// eslint-disable-next-line no-restricted-imports
import { ConfigError, parseEnvironment } from '../../../../libs/common/src/config/app-config';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads `.env` (or the file ENV_FILE names) when present, through @nestjs/config: its values
 * go into process.env where a variable is not already set (the real environment wins), then
 * every variable is validated, the first bad one named. Called once by each entry point (the
 * API's main, the CLI, the tools) before loadConfig().
 *
 * @nestjs/config is ESM-only since version 12, which Jest cannot load on Node 20: so it is used
 * here, at the entry points, and the modules keep injecting the validated AppConfig (APP_CONFIG).
 */
export async function readEnvironment(): Promise<void> {
  const named = process.env.ENV_FILE;
  if (named && !existsSync(named))
    throw new ConfigError('ENV_FILE', `names ${named}, which does not exist`);
  await ConfigModule.forRoot({
    envFilePath: resolve(named || '.env'),
    validate: (env: Record<string, unknown>) => {
      parseEnvironment(env as Record<string, string | undefined>);
      return env;
    },
  });
}
