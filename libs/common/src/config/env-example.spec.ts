import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES, envExample, envSchema } from './env-variables';

const committed = () =>
  readFileSync(join(__dirname, '..', '..', '..', '..', '.env.example'), 'utf8');

describe('.env.example', () => {
  it('lists every variable of the schema, with its default and meaning', () => {
    const listed = [...committed().matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(envSchema.shape).sort());
    for (const [name, variable] of Object.entries(ENV_VARIABLES)) {
      expect(committed()).toContain(
        `# ${variable.meaning}\n# default: ${variable.default}\n# ${name}=`,
      );
    }
  });

  it('is what npm run env:example writes from the schema (not stale)', () => {
    expect(committed()).toBe(envExample());
  });
});
