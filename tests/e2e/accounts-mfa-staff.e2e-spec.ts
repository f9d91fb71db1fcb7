import { PlatformRole } from '@accord/common';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser, createWorld, World } from '../support/factories';
import { enrolTotp } from '../support/totp';

const USERS = '{ users(first: 1) { id } }';
const PARTICIPANTS = '{ participants(first: 1) { totalCount } }';

/** REQUIRE_MFA_FOR_STAFF=true: staff without a second factor may only enrol (and see who they are). */
describe('REQUIRE_MFA_FOR_STAFF', () => {
  let t: TestApp;
  let w: World;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await createTestApp({ requireMfaForStaff: true });
    w = await createWorld(t);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  const codeOf = (res: Awaited<ReturnType<TestApp['gql']>>) => res.errors?.[0]?.extensions;

  it.each([PlatformRole.ADMIN, PlatformRole.SECRETARIAT])(
    'a %s without a second factor is refused everything but me and enrolment, then allowed once enrolled',
    async (platformRole) => {
      const staff = await createUser(t, { platformRole });
      for (const query of [
        USERS,
        PARTICIPANTS,
        'mutation { createParticipant(input: { kind: ACADEMIA, name: "Blocked" }) { id } }',
      ])
        expect(codeOf(await t.gql(query, {}, staff.token))).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'MFA_ENROLMENT_REQUIRED',
        });
      expect((await t.gql('{ me { id mfaEnabled } }', {}, staff.token)).data!.me).toEqual({
        id: staff.id,
        mfaEnabled: false,
      });
      await enrolTotp(t, staff);
      expect((await t.gql(USERS, {}, staff.token)).errors).toBeUndefined();
      expect((await t.gql(PARTICIPANTS, {}, staff.token)).errors).toBeUndefined();
    },
  );

  it('lets staff without a second factor log out', async () => {
    const staff = await createUser(t, { platformRole: PlatformRole.SECRETARIAT });
    expect((await t.gql('mutation { logout }', {}, staff.token)).data).toEqual({ logout: true });
  });

  it('does not concern delegations, the public, or staff once enrolled', async () => {
    for (const who of ['headA', 'delegateA', 'observerA', 'companyDelegate', 'outsider'] as const)
      expect((await t.gql(PARTICIPANTS, {}, w[who].token)).errors).toBeUndefined();
    expect((await t.gql(PARTICIPANTS)).errors).toBeUndefined();
  });

  it('applies over graphql-ws too', async () => {
    const staff = await createUser(t, { platformRole: PlatformRole.ADMIN });
    const client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${staff.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const result = await new Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>(
      (resolve, reject) => {
        let last: any;
        client.subscribe(
          { query: USERS },
          {
            next: (value) => (last = value),
            error: reject,
            complete: () => resolve(last),
          },
        );
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MFA_ENROLMENT_REQUIRED',
    });
  });
});
