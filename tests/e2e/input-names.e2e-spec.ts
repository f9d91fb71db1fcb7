import { randomBytes } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, TEST_PASSWORD, World } from '../support/factories';
import { errorOf, MEETING_OPS, ok } from '../support/meeting-factory';

const CREATE_PARTICIPANT = `mutation($input: CreateParticipantInput!) {
  createParticipant(input: $input) { id name shortName }
}`;
const SEARCH = `query($search: String) {
  participants(filter: { search: $search }) { edges { node { name } } }
}`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email displayName } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
const CREATE_DOCUMENT = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id title } }`;

const unique = () => randomBytes(4).toString('hex');

describe('input: names are normalised, emails bounded', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const participantsNamed = async (name: string) =>
    (
      await t.dataSource.query(
        `SELECT name FROM participants WHERE lower(name) = lower($1) ORDER BY name`,
        [name],
      )
    ).map((r: { name: string }) => r.name);

  describe('participant names', () => {
    const create = (name: string, shortName?: string) =>
      t.gql(
        CREATE_PARTICIPANT,
        { input: { kind: 'COMPANY', name, shortName } },
        w.secretariat.token,
      );

    it('treats "Google\\u200b" (and other invisible variants) as the existing "Google": CONFLICT, never a second one', async () => {
      const base = `Google ${unique()}`;
      expect(ok(await create(base)).createParticipant.name).toBe(base);
      for (const variant of [
        `${base}\u200b`, // zero-width space
        `\u200e${base}`, // left-to-right mark
        `${base.slice(0, 3)}\u200d${base.slice(3)}`, // zero-width joiner inside
        `${base.slice(0, 3)}\u00ad${base.slice(3)}`, // soft hyphen
        `\u202e${base}\u202c`, // right-to-left override … pop
        `\ufeff${base}\u2060`, // byte-order mark, word joiner
        `  ${base}\u00a0`, // surrounding spaces
        base.toUpperCase(),
      ]) {
        const res = await create(variant);
        expect({ variant: JSON.stringify(variant), ...errorOf(res) }).toEqual({
          variant: JSON.stringify(variant),
          code: 'CONFLICT',
          field: 'name',
        });
      }
      expect(await participantsNamed(base)).toEqual([base]);
    });

    it('stores names in NFC, so a decomposed "é" is the same name as a composed one', async () => {
      const composed = `Caf\u00e9 ${unique()}`;
      const decomposed = composed.normalize('NFD');
      expect(decomposed).not.toBe(composed);
      expect(ok(await create(decomposed)).createParticipant.name).toBe(composed);
      expect(errorOf(await create(composed))).toEqual({ code: 'CONFLICT', field: 'name' });
      expect(await participantsNamed(composed)).toEqual([composed]);
    });

    it('normalises the short name too, and refuses a name that is only invisible characters', async () => {
      const name = `Acme ${unique()}`;
      const created = ok(await create(`${name}\u200b`, ' \u200bACME\u200f ')).createParticipant;
      expect(created).toMatchObject({ name, shortName: 'ACME' });
      expect(errorOf(await create('\u200b\u200e\ufeff'))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
    });

    it('refuses line breaks, tabs and control characters in a name, naming the field', async () => {
      for (const name of [
        'Two\nLines',
        'Tab\there',
        'Nul\u0000',
        'Esc\u001b[31m',
        'Del\u007f',
        'C1\u0085',
        'Ls\u2028',
      ]) {
        expect(errorOf(await create(name))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
      }
      expect(errorOf(await create('Fine', 'Short\nName'))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'shortName',
      });
    });

    it('finds a participant when the search carries invisible characters', async () => {
      const name = `Searchable ${unique()}`;
      ok(await create(name));
      const res = ok(await t.gql(SEARCH, { search: `\u200b${name.slice(0, 14)}\u200b` }));
      expect(res.participants.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
        name,
      ]);
    });
  });

  describe('other names and titles', () => {
    it('normalises a document title, a meeting title and city, a user display name', async () => {
      const title = `Code of Practice ${unique()}`;
      const doc = ok(
        await t.gql(
          CREATE_DOCUMENT,
          {
            input: {
              title: `\u200b ${title}\u202c `,
              kind: 'CODE_OF_PRACTICE',
              eligibleKinds: ['STATE'],
            },
          },
          w.secretariat.token,
        ),
      ).createDocument;
      expect(doc.title).toBe(title);

      const meeting = ok(
        await t.gql(
          MEETING_OPS.create,
          {
            input: {
              title: '\u2066Third Conference\u2069',
              city: ' Par\u200bis ',
              timezone: 'Europe/Paris',
              startsAt: '2031-06-01T09:00:00Z',
              endsAt: '2031-06-01T17:00:00Z',
              hostIds: [w.stateA.id],
            },
          },
          w.secretariat.token,
        ),
      ).createMeeting;
      expect(meeting).toMatchObject({ title: 'Third Conference', city: 'Paris' });

      const user = ok(
        await t.gql(
          CREATE_USER,
          {
            input: {
              email: `n-${unique()}@test.example`,
              displayName: '\ufeffAda\u200b Lovelace ',
              password: TEST_PASSWORD,
            },
          },
          w.admin.token,
        ),
      ).createUser;
      expect(user.displayName).toBe('Ada Lovelace');
    });

    it('refuses a line break in a meeting title (it would break a calendar line)', async () => {
      const res = await t.gql(
        MEETING_OPS.create,
        {
          input: {
            title: 'Conference\r\nBEGIN:VEVENT',
            city: 'Paris',
            timezone: 'Europe/Paris',
            startsAt: '2031-06-01T09:00:00Z',
            endsAt: '2031-06-01T17:00:00Z',
            hostIds: [w.stateA.id],
          },
        },
        w.secretariat.token,
      );
      expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    });
  });

  describe('emails', () => {
    const longEmail = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(40)}.example`;

    it('refuses a 300-character email in createUser and login with BAD_USER_INPUT naming email', async () => {
      const email = `${'x'.repeat(287)}@test.example`;
      expect(email.length).toBe(300);
      const created = await t.gql(
        CREATE_USER,
        { input: { email, displayName: 'Long', password: TEST_PASSWORD } },
        w.admin.token,
      );
      expect(errorOf(created)).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
      const login = await t.gql(LOGIN, { email, password: 'wrong password' });
      expect(errorOf(login)).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    });

    it('answers a failed login with the longest allowed email with UNAUTHENTICATED, not a 500', async () => {
      const email = longEmail.slice(0, 254 - '.example'.length) + '.example';
      expect(email.length).toBeLessThanOrEqual(254);
      const res = await t.gql(LOGIN, { email, password: 'wrong password' });
      expect(errorOf(res)).toEqual({ code: 'UNAUTHENTICATED', field: undefined });
    });

    it('checks the length of an email as stored (lower-cased), so it never overflows the column', async () => {
      // "İ" lower-cases to two UTF-16 units: 252 characters as typed, 256 as stored.
      const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(55)}`;
      const email = `\u0130\u0130\u0130\u0130@${domain}`;
      expect(email.length).toBe(252);
      expect(email.toLowerCase().length).toBe(256);
      const res = await t.gql(
        CREATE_USER,
        { input: { email, displayName: 'Turkish I', password: TEST_PASSWORD } },
        w.admin.token,
      );
      expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    });

    it('refuses control characters in an email, naming it', async () => {
      for (const email of [`a\u0000@test.example`, `a@test.example\n`]) {
        expect(errorOf(await t.gql(LOGIN, { email, password: 'x' }))).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'email',
        });
      }
    });
  });
});
