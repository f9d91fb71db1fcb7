import { Actor, DelegationRole, ParticipantKind, PlatformRole } from '@accord/common';
import { AuthService, UsersService } from '@accord/auth';
import { ParticipantsService } from '@accord/participants';
import { randomBytes } from 'node:crypto';
import { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';

const unique = () => randomBytes(4).toString('hex');

export interface TestUser {
  id: string;
  email: string;
  token: string;
  actor: Actor;
}

export async function createUser(
  t: TestApp,
  overrides: {
    platformRole?: PlatformRole;
    email?: string;
    displayName?: string;
    password?: string;
  } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${unique()}@test.example`;
  const user = await t.get(UsersService).provision({
    email,
    displayName: overrides.displayName ?? `User ${email}`,
    password: overrides.password ?? TEST_PASSWORD,
    platformRole: overrides.platformRole ?? PlatformRole.NONE,
  });
  const actor = (await t.get(AuthService).actorOfUser(user.id))!;
  return { id: user.id, email: user.email, token: await t.tokenFor(user.id), actor };
}

const STATES = ['GB', 'FR', 'DE', 'JP', 'MX', 'GH', 'KR', 'CA', 'US', 'IT', 'ES', 'SE', 'NL', 'PL'];

export async function createParticipant(
  t: TestApp,
  staff: Actor,
  overrides: { kind?: ParticipantKind; name?: string; countryCode?: string | null } = {},
): Promise<{ id: string; name: string; kind: ParticipantKind }> {
  const kind = overrides.kind ?? ParticipantKind.STATE;
  const countryCode =
    overrides.countryCode !== undefined
      ? overrides.countryCode
      : kind === ParticipantKind.STATE
        ? await freeCountryCode(t)
        : null;
  const entity = await t.get(ParticipantsService).create(staff, {
    kind,
    name: overrides.name ?? `${kind} ${unique()}`,
    countryCode,
  });
  return { id: entity.id, name: entity.name, kind: entity.kind };
}

async function freeCountryCode(t: TestApp): Promise<string> {
  const used = new Set<string>(
    (
      await t.dataSource.query(
        `SELECT "countryCode" FROM participants WHERE "countryCode" IS NOT NULL`,
      )
    ).map((r: { countryCode: string }) => r.countryCode),
  );
  const code = STATES.find((c) => !used.has(c));
  if (!code) throw new Error('factories: out of test country codes');
  return code;
}

/** A user who belongs to a delegation, with a token whose actor reflects the membership. */
export async function createMember(
  t: TestApp,
  staff: Actor,
  participantId: string,
  role: DelegationRole,
): Promise<TestUser> {
  const user = await createUser(t);
  await t.get(ParticipantsService).addMember(staff, { participantId, userId: user.id, role });
  const actor = (await t.get(AuthService).actorOfUser(user.id))!;
  return { ...user, actor };
}

/**
 * The usual cast: staff, two states and a company with their delegations, a user with no
 * delegation. Each test file builds its own, on its own database.
 */
export async function createWorld(t: TestApp) {
  const admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
  const secretariat = await createUser(t, { platformRole: PlatformRole.SECRETARIAT });
  const stateA = await createParticipant(t, secretariat.actor, { name: `State A ${unique()}` });
  const stateB = await createParticipant(t, secretariat.actor, { name: `State B ${unique()}` });
  const company = await createParticipant(t, secretariat.actor, {
    kind: ParticipantKind.COMPANY,
    name: `Company ${unique()}`,
  });
  return {
    admin,
    secretariat,
    stateA,
    stateB,
    company,
    headA: await createMember(t, secretariat.actor, stateA.id, DelegationRole.HEAD_OF_DELEGATION),
    delegateA: await createMember(t, secretariat.actor, stateA.id, DelegationRole.DELEGATE),
    observerA: await createMember(t, secretariat.actor, stateA.id, DelegationRole.OBSERVER),
    headB: await createMember(t, secretariat.actor, stateB.id, DelegationRole.HEAD_OF_DELEGATION),
    delegateB: await createMember(t, secretariat.actor, stateB.id, DelegationRole.DELEGATE),
    companyDelegate: await createMember(t, secretariat.actor, company.id, DelegationRole.DELEGATE),
    outsider: await createUser(t),
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** Every kind of account a rule may treat differently: staff, each delegation role, none. */
export type AccountKind =
  'admin' | 'secretariat' | 'headA' | 'delegateA' | 'observerA' | 'outsider';
export const ACCOUNT_KINDS: AccountKind[] = [
  'admin',
  'secretariat',
  'headA',
  'delegateA',
  'observerA',
  'outsider',
];

/** A fresh user of that kind (members of the world's state A), so a test may change its account. */
export function freshUser(t: TestApp, w: World, kind: AccountKind): Promise<TestUser> {
  const member = (role: DelegationRole) => createMember(t, w.secretariat.actor, w.stateA.id, role);
  switch (kind) {
    case 'admin':
      return createUser(t, { platformRole: PlatformRole.ADMIN });
    case 'secretariat':
      return createUser(t, { platformRole: PlatformRole.SECRETARIAT });
    case 'headA':
      return member(DelegationRole.HEAD_OF_DELEGATION);
    case 'delegateA':
      return member(DelegationRole.DELEGATE);
    case 'observerA':
      return member(DelegationRole.OBSERVER);
    case 'outsider':
      return createUser(t);
  }
}
