import { ParticipantKind } from '@accord/common';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser, createWorld, World } from '../support/factories';
import { countQueries } from '../support/count-queries';

const CREATE = `mutation($input: CreateParticipantInput!) {
  createParticipant(input: $input) { id kind name shortName countryCode }
}`;
const LIST = `query($filter: ParticipantFilter, $first: Int, $after: String) {
  participants(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } }
  }
}`;
const ADD_MEMBER = `mutation($input: AddDelegationMemberInput!) {
  addDelegationMember(input: $input) { role user { id email } }
}`;
const REMOVE_MEMBER = `mutation($p: ID!, $u: ID!) { removeDelegationMember(participantId: $p, userId: $u) }`;
const MEMBERS = `query($id: ID!) { participant(id: $id) { name members { role user { id } } } }`;

describe('participants and delegations', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    t = await createTestApp({ jobsWorkers: false });
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  describe('createParticipant', () => {
    it('lets the secretariat create a state with a valid country code, upper-casing it', async () => {
      const res = await t.gql(
        CREATE,
        { input: { kind: 'STATE', name: 'Ireland', countryCode: 'ie' } },
        w.secretariat.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createParticipant).toMatchObject({
        name: 'Ireland',
        kind: 'STATE',
        countryCode: 'IE',
      });
    });

    it.each([
      ['admin', true],
      ['secretariat', true],
      ['headA', false],
      ['delegateA', false],
      ['observerA', false],
      ['outsider', false],
    ] as const)('%s may create participants: %s', async (who, allowed) => {
      const res = await t.gql(
        CREATE,
        { input: { kind: 'CIVIL_SOCIETY', name: `NGO by ${who}` } },
        w[who].token,
      );
      if (allowed) expect(res.errors).toBeUndefined();
      else expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      const res = await t.gql(CREATE, { input: { kind: 'COMPANY', name: 'Anonymous Corp' } });
      expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      [{ kind: 'STATE', name: 'Atlantis' }, 'countryCode'],
      [{ kind: 'STATE', name: 'Atlantis', countryCode: 'ZZ' }, 'countryCode'],
      [{ kind: 'STATE', name: 'Atlantis', countryCode: 'ATL' }, 'countryCode'],
      [{ kind: 'COMPANY', name: '   ' }, 'name'],
      [{ kind: 'COMPANY', name: 'x'.repeat(100_000) }, 'name'],
      [{ kind: 'COMPANY', name: 'Fine', shortName: 'y'.repeat(51) }, 'shortName'],
    ])('refuses bad input %#, naming the field, and creates nothing', async (input, field) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM participants');
      const res = await t.gql(CREATE, { input }, w.secretariat.token);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM participants')).toEqual(
        before,
      );
    });

    it('refuses an unknown kind through GraphQL validation', async () => {
      const res = await t.gql(
        CREATE,
        { input: { kind: 'PLANET', name: 'Mars' } },
        w.secretariat.token,
      );
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('keeps names unique regardless of case, and one state per country code', async () => {
      await t.gql(
        CREATE,
        { input: { kind: 'ACADEMIA', name: 'Oxford Internet Institute' } },
        w.secretariat.token,
      );
      const dup = await t.gql(
        CREATE,
        { input: { kind: 'ACADEMIA', name: 'OXFORD internet institute' } },
        w.secretariat.token,
      );
      expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
      await t.gql(
        CREATE,
        { input: { kind: 'STATE', name: 'Portugal', countryCode: 'PT' } },
        w.secretariat.token,
      );
      const sameCode = await t.gql(
        CREATE,
        { input: { kind: 'STATE', name: 'Portuguese Republic', countryCode: 'PT' } },
        w.secretariat.token,
      );
      expect(sameCode.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'countryCode',
      });
    });

    it('turns a unique-constraint race into clean CONFLICT errors: one winner, no SQL in any message', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.gql(CREATE, { input: { kind: 'COMPANY', name: 'Racing Ltd' } }, w.secretariat.token),
        ),
      );
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      for (const loser of losers) {
        expect(loser.errors![0].extensions.code).toBe('CONFLICT');
        expect(JSON.stringify(loser.errors)).not.toMatch(
          /duplicate key|INSERT|SELECT|participants_name|stack/i,
        );
      }
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM participants WHERE name = 'Racing Ltd'`,
      );
      expect(rows[0].n).toBe(1);
    });
  });

  describe('participants query', () => {
    beforeAll(async () => {
      for (const name of [
        'Alpha Labs',
        'Beta Systems',
        'Gamma Security',
        'Delta Cyber',
        'Epsilon Research',
      ]) {
        await t.gql(CREATE, { input: { kind: 'COMPANY', name } }, w.secretariat.token);
      }
    });

    it('is public, filters by kind, and pages with stable cursors in name order', async () => {
      const all = await t.gql(LIST, { filter: { kind: 'COMPANY' }, first: 200 });
      const names: string[] = all.data!.participants.edges.map(
        (e: { node: { name: string } }) => e.node.name,
      );
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
      expect(all.data!.participants.totalCount).toBe(names.length);

      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await t.gql(LIST, { filter: { kind: 'COMPANY' }, first: 2, after });
        seen.push(
          ...page.data.participants.edges.map((e: { node: { name: string } }) => e.node.name),
        );
        after = page.data.participants.pageInfo.hasNextPage
          ? page.data.participants.pageInfo.endCursor
          : null;
        // A participant inserted meanwhile, before the cursor, must not shift the pages.
        if (seen.length === 2)
          await t.gql(
            CREATE,
            { input: { kind: 'COMPANY', name: 'AAA First' } },
            w.secretariat.token,
          );
      } while (after);
      expect(seen).toEqual(names);
    });

    it('counts the total only when the client asks for it', async () => {
      const listOnly = await countQueries(() =>
        t.gql('{ participants(first: 5) { edges { node { id } } } }'),
      );
      const withTotal = await countQueries(() =>
        t.gql('{ participants(first: 5) { totalCount edges { node { id } } } }'),
      );
      expect(withTotal.count).toBe(listOnly.count + 1);
      expect(withTotal.result.data!.participants.totalCount).toBeGreaterThan(5);
    });

    it('searches names case-insensitively, treating % and _ literally', async () => {
      const res = await t.gql(LIST, { filter: { search: 'sYsTeM' } });
      expect(
        res.data!.participants.edges.map((e: { node: { name: string } }) => e.node.name),
      ).toEqual(['Beta Systems']);
      const wildcard = await t.gql(LIST, { filter: { search: '%' } });
      expect(wildcard.data!.participants.totalCount).toBe(0);
    });

    it.each([
      [{ first: 0 }, 'first'],
      [{ first: 201 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ])('refuses bad paging %#', async (vars, field) => {
      const res = await t.gql(LIST, vars);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  describe('delegations', () => {
    it('lets a head of delegation add and remove delegates of its own delegation only', async () => {
      const user = await createUser(t);
      const add = await t.gql(
        ADD_MEMBER,
        { input: { participantId: w.stateA.id, userId: user.id, role: 'DELEGATE' } },
        w.headA.token,
      );
      expect(add.data!.addDelegationMember).toEqual({
        role: 'DELEGATE',
        user: { id: user.id, email: user.email },
      });
      const me = await t.gql('{ me { delegation { role participant { id } } } }', {}, user.token);
      expect(me.data!.me.delegation).toEqual({
        role: 'DELEGATE',
        participant: { id: w.stateA.id },
      });

      const other = await createUser(t);
      const foreign = await t.gql(
        ADD_MEMBER,
        { input: { participantId: w.stateB.id, userId: other.id, role: 'DELEGATE' } },
        w.headA.token,
      );
      expect(foreign.errors![0].extensions.code).toBe('FORBIDDEN');

      expect(
        (await t.gql(REMOVE_MEMBER, { p: w.stateA.id, u: user.id }, w.headA.token)).data!
          .removeDelegationMember,
      ).toBe(true);
    });

    it('does not let a head of delegation appoint or remove a head of delegation; the secretariat may', async () => {
      const user = await createUser(t);
      const byHead = await t.gql(
        ADD_MEMBER,
        { input: { participantId: w.stateA.id, userId: user.id, role: 'HEAD_OF_DELEGATION' } },
        w.headA.token,
      );
      expect(byHead.errors![0].extensions.code).toBe('FORBIDDEN');
      const removeHead = await t.gql(
        REMOVE_MEMBER,
        { p: w.stateB.id, u: w.headB.id },
        w.headA.token,
      );
      expect(removeHead.errors![0].extensions.code).toBe('FORBIDDEN');
      const bySecretariat = await t.gql(
        ADD_MEMBER,
        { input: { participantId: w.company.id, userId: user.id, role: 'HEAD_OF_DELEGATION' } },
        w.secretariat.token,
      );
      expect(bySecretariat.errors).toBeUndefined();
    });

    it.each(['delegateA', 'observerA', 'outsider'] as const)(
      'refuses %s managing members',
      async (who) => {
        const user = await createUser(t);
        const res = await t.gql(
          ADD_MEMBER,
          { input: { participantId: w.stateA.id, userId: user.id, role: 'OBSERVER' } },
          w[who].token,
        );
        expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
      },
    );

    it('keeps a user in at most one delegation, and keeps staff out of delegations', async () => {
      const twice = await t.gql(
        ADD_MEMBER,
        { input: { participantId: w.stateB.id, userId: w.delegateA.id, role: 'DELEGATE' } },
        w.secretariat.token,
      );
      expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'userId' });
      const staff = await t.gql(
        ADD_MEMBER,
        { input: { participantId: w.stateB.id, userId: w.admin.id, role: 'DELEGATE' } },
        w.secretariat.token,
      );
      expect(staff.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
    });

    it.each([
      [
        { participantId: '00000000-0000-4000-8000-000000000000', role: 'DELEGATE' },
        'NOT_FOUND',
        'participantId',
      ],
      [{ participantId: 'nope', role: 'DELEGATE' }, 'BAD_USER_INPUT', 'participantId'],
    ])('refuses an unknown or malformed participant %#', async (input, code, field) => {
      const user = await createUser(t);
      const res = await t.gql(
        ADD_MEMBER,
        { input: { ...input, userId: user.id } },
        w.secretariat.token,
      );
      expect(res.errors![0].extensions).toMatchObject({ code, field });
    });

    it('shows members to the secretariat and the delegation itself, and an empty list to others', async () => {
      const ids = (res: any) =>
        res.data.participant.members.map((m: { user: { id: string } }) => m.user.id).sort();
      const expected = [w.headA.id, w.delegateA.id, w.observerA.id].sort();
      expect(ids(await t.gql(MEMBERS, { id: w.stateA.id }, w.secretariat.token))).toEqual(
        expect.arrayContaining(expected),
      );
      expect(ids(await t.gql(MEMBERS, { id: w.stateA.id }, w.observerA.token))).toEqual(
        expect.arrayContaining(expected),
      );
      expect(ids(await t.gql(MEMBERS, { id: w.stateA.id }, w.headB.token))).toEqual([]);
      expect(ids(await t.gql(MEMBERS, { id: w.stateA.id }))).toEqual([]);
    });

    it('takes a removed delegate’s rights away on their very next request', async () => {
      const user = await createUser(t);
      await t.gql(
        ADD_MEMBER,
        { input: { participantId: w.stateA.id, userId: user.id, role: 'DELEGATE' } },
        w.secretariat.token,
      );
      expect(await membersVisible(user.token)).toBe(true);
      await t.gql(REMOVE_MEMBER, { p: w.stateA.id, u: user.id }, w.secretariat.token);
      expect(await membersVisible(user.token)).toBe(false);
    });

    async function membersVisible(token: string): Promise<boolean> {
      const res = await t.gql(MEMBERS, { id: w.stateA.id }, token);
      return res.data!.participant.members.length > 0;
    }
  });

  it('lets anyone read a participant by id, and returns null for an unknown one', async () => {
    const res = await t.gql('query($id: ID!) { participant(id: $id) { name kind } }', {
      id: w.company.id,
    });
    expect(res.data!.participant).toEqual({ name: w.company.name, kind: ParticipantKind.COMPANY });
    const missing = await t.gql('query($id: ID!) { participant(id: $id) { name } }', {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.data!.participant).toBeNull();
  });
});
