import { JwtService } from '@nestjs/jwt';
import { ClsServiceManager } from 'nestjs-cls';
import { KeyObject } from 'node:crypto';
import type { AsyncLocalStorage } from 'node:async_hooks';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { CREATE_DOCUMENT, ok } from './drafting-fixtures';

/** What every request pays for besides its own work (see docs/request-overhead.md). */
describe('per-request overhead', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('signs and checks access tokens with a key made once, not a string parsed on every call', () => {
    const options = (t.get(JwtService) as unknown as { options: { secret: unknown } }).options;
    expect(options.secret).toBeInstanceOf(KeyObject);
    // The key's bytes are the configured secret's: tokens signed by hand with it are accepted
    // and tokens signed with another key refused (sessions.e2e-spec.ts, forged tokens).
    expect((options.secret as KeyObject).export().toString('utf8')).toBe(
      t.app.get<AppConfig>(APP_CONFIG, { strict: false }).jwtSecret,
    );
  });

  it('a write commits with its audit event, and leaves no async context turned on for reads', async () => {
    const als = (ClsServiceManager.getClsService() as unknown as { als: AsyncLocalStorage<object> })
      .als;
    const { id } = ok(
      await t.gql(
        CREATE_DOCUMENT,
        { input: { title: 'Overhead check', kind: 'STATEMENT', eligibleKinds: ['STATE'] } },
        w.secretariat.token,
      ),
    ).createDocument;
    const events = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE "entityId" = $1`,
      [id],
    );
    expect(events.length).toBeGreaterThanOrEqual(1);
    // On Node < 24 an enabled storage keeps a hook on every promise of the process; it must be
    // off again once no transaction runs (Node 24's storage has no hooks and no such state).
    if (Number(process.versions.node.split('.')[0]) < 24) {
      expect((als as unknown as { enabled: boolean }).enabled).toBe(false);
    }
  });
});
