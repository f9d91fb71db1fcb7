import { isLoopbackHost } from '@accord/common';
import { SeedService } from '../../../api/src/seed/seed.service';
import { withApp } from '../cli-context';

export async function seedDemo(): Promise<void> {
  await withApp(
    async (app, config) => {
      if (!isLoopbackHost(config.host))
        throw new Error(
          `Refusing to seed demo data for an API that listens on HOST=${config.host}: the demo accounts' ` +
            'passwords are published, so anyone who reaches the server could log in as them. ' +
            'Seed only an instance that serves this machine (HOST=127.0.0.1).',
        );
      const logins = await app.get(SeedService).run();
      console.log('Demo data present. Demo logins:');
      for (const login of logins)
        console.log(
          `  ${login.role.padEnd(40)} ${login.email}  /  ${login.password}` +
            (login.totpSecret ? `  (TOTP secret ${login.totpSecret})` : ''),
        );
    },
    // The same seed as a start with SEED_DEMO=true, whatever SEED_DEMO and ADMIN_EMAIL say.
    { seedDemo: true, admin: null },
  );
}
