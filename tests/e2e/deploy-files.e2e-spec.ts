import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * No Docker engine runs where CI runs, so the image is not built here: this checks what can be
 * checked without one. compose.yaml is validated by `docker compose config` or docker-compose
 * (.ci/run installs Debian's docker-compose), the Dockerfile by hadolint when present, and both
 * by the properties the README's "Deploying" section promises.
 */
const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function available(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

const composeValidator: string[] | null = available('docker', ['compose', 'version'])
  ? ['docker', 'compose']
  : available('docker-compose', ['version'])
    ? ['docker-compose']
    : null;
const hadolint = available('hadolint', ['--version']);

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it('builds in one stage (npm ci, build) and runs from another with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/RUN npm ci/);
    expect(stages[0]).toMatch(/npm run build/);
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist/);
    expect(runtime).not.toMatch(/npm (ci|install)(?! --omit=dev)/);
  });

  it('runs start:prod as a non-root user, with a health check on /health and a data volume', () => {
    const user = /^USER (\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health/m);
    expect(runtime).toMatch(/^CMD \["npm", "run", "start:prod"\]/m);
    expect(runtime).toMatch(/^VOLUME \["\/var\/lib\/accord\/data"\]/m);
    expect(runtime).toMatch(/DATA_DIR=\/var\/lib\/accord\/data/);
  });

  it('keeps secrets and local data out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', '.data', 'node_modules', 'dist', '.git'])
      expect(ignored).toContain(entry);
  });

  (hadolint ? it : it.skip)('passes hadolint (skipped: hadolint is not installed)', () => {
    execFileSync('hadolint', [join(ROOT, 'Dockerfile')], { stdio: 'pipe' });
  });
});

describe('compose.yaml', () => {
  const compose = read('compose.yaml');
  const nginx = read('deploy/nginx.conf');

  (composeValidator ? it : it.skip)(
    'is a valid Compose file (skipped: neither docker compose nor docker-compose is installed)',
    () => {
      const [command, ...args] = composeValidator!;
      const result = spawnSync(
        command,
        [...args, '-f', join(ROOT, 'compose.yaml'), 'config', '-q'],
        {
          env: {
            ...process.env,
            POSTGRES_PASSWORD: 'validation-only',
            JWT_SECRET: 'validation-only-secret-of-32-characters',
            AUDIT_CHECKPOINT_KEY: 'validation-only-key-of-32-characters!',
          },
          encoding: 'utf8',
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('refuses to start without the shared secrets', () => {
    for (const variable of ['POSTGRES_PASSWORD', 'JWT_SECRET', 'AUDIT_CHECKPOINT_KEY'])
      expect(compose).toContain(`\${${variable}:?`);
  });

  it('runs two API replicas on PostgreSQL behind nginx, which passes WebSocket upgrades', () => {
    expect(compose).toMatch(/^ {2}api-1:$/m);
    expect(compose).toMatch(/^ {2}api-2:$/m);
    expect(compose).toMatch(/image: postgres:/);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/.*@db:5432\//);
    expect(compose).toMatch(/TRUST_PROXY: 'true'/);
    expect(nginx).toMatch(/server api-1:3000/);
    expect(nginx).toMatch(/server api-2:3000/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });
});
