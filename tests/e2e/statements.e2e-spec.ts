import mammoth from 'mammoth';
import request from 'supertest';
import { pdfText } from '../support/pdf-text';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { BATCH_JITTER, countQueries } from '../support/count-queries';
import { auditActions, code, draftIn, ok, transition, TRANSITIONS } from './drafting-fixtures';
import { nudgeUntilReceived, WsSession } from './ws-fixtures';

const STATEMENT_FIELDS = `id kind text madeAt withdrawnAt participant { id } madeBy { id }
  clauses { id number } inResponseTo { id kind } document { id }`;
const MAKE = `mutation($input: MakeStatementInput!) { makeStatement(input: $input) { ${STATEMENT_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawStatement(statementId: $id) { ${STATEMENT_FIELDS} } }`;
const SET_RESERVATIONS = `mutation($id: ID!, $allowed: Boolean!) {
  setReservationsAllowed(documentId: $id, allowed: $allowed) { id reservationsAllowed } }`;
const READ = `query($id: ID) { document(id: $id) { id reservationsAllowed
  statements { id kind text withdrawnAt participant { id } madeBy { id } clauses { id } inResponseTo { id } }
  clauses { id statements { id kind } } } }`;

describe('statements on an adopted text', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    t = await createTestApp({ jobsWorkers: false });
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const CLAUSES = [{ text: 'First.' }, { text: 'Second.' }, { text: 'Third.' }];

  /** An adopted text, admitting reservations or not. */
  async function adopted(
    reservations = false,
    status: 'ADOPTED' | 'OPEN_FOR_SIGNATURE' = 'ADOPTED',
  ) {
    const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION', { clauses: CLAUSES });
    if (reservations) {
      ok(await t.gql(SET_RESERVATIONS, { id: draft.id, allowed: true }, w.secretariat.token));
    }
    ok(await t.gql(transition(TRANSITIONS.ADOPTED), { id: draft.id }, w.secretariat.token));
    if (status === 'OPEN_FOR_SIGNATURE') {
      ok(
        await t.gql(
          transition(TRANSITIONS.OPEN_FOR_SIGNATURE),
          { id: draft.id },
          w.secretariat.token,
        ),
      );
    }
    return draft;
  }

  describe('setReservationsAllowed', () => {
    it('is set by the secretariat before adoption, audited; never after', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'DRAFT', { clauses: CLAUSES });
      expect(
        ok(await t.gql(READ, { id: draft.id }, w.secretariat.token)).document.reservationsAllowed,
      ).toBe(false);
      const set = ok(
        await t.gql(SET_RESERVATIONS, { id: draft.id, allowed: true }, w.secretariat.token),
      );
      expect(set.setReservationsAllowed).toEqual({ id: draft.id, reservationsAllowed: true });
      expect(await auditActions(t, draft.id)).toContain('document.reservationsAllowedSet');
      expect(
        code(await t.gql(SET_RESERVATIONS, { id: draft.id, allowed: false }, w.headA.token)),
      ).toBe('FORBIDDEN');
      const done = await adopted();
      expect(
        code(await t.gql(SET_RESERVATIONS, { id: done.id, allowed: true }, w.secretariat.token)),
      ).toBe('INVALID_STATE');
    });
  });

  describe('makeStatement', () => {
    it('lets a head of delegation put an interpretive declaration on record, anchored to clauses, public with the text', async () => {
      const doc = await adopted();
      const made = ok(
        await t.gql(
          MAKE,
          {
            input: {
              documentId: doc.id,
              kind: 'INTERPRETIVE_DECLARATION',
              text: 'We read paragraph 2 as applying to states only.',
              clauseIds: [doc.clauses[1].id, doc.clauses[2].id],
            },
          },
          w.headA.token,
        ),
      ).makeStatement;
      expect(made).toMatchObject({
        kind: 'INTERPRETIVE_DECLARATION',
        participant: { id: w.stateA.id },
        madeBy: { id: w.headA.id },
        withdrawnAt: null,
        clauses: [
          { id: doc.clauses[1].id, number: '2' },
          { id: doc.clauses[2].id, number: '3' },
        ],
      });
      const read = ok(await t.gql(READ, { id: doc.id }, null)).document;
      expect(read.statements).toEqual([
        expect.objectContaining({ id: made.id, madeBy: null, participant: { id: w.stateA.id } }),
      ]);
      expect(read.clauses.map((c: { statements: unknown[] }) => c.statements.length)).toEqual([
        0, 1, 1,
      ]);
      expect(await auditActions(t, made.id)).toEqual(['statement.made']);
    });

    it('lets the secretariat record one on a participant’s behalf (participantId), on a text open for signature', async () => {
      const doc = await adopted(false, 'OPEN_FOR_SIGNATURE');
      const made = ok(
        await t.gql(
          MAKE,
          {
            input: {
              documentId: doc.id,
              participantId: w.stateB.id,
              kind: 'GENERAL',
              text: 'Read out at the ceremony.',
            },
          },
          w.secretariat.token,
        ),
      ).makeStatement;
      expect(made).toMatchObject({
        participant: { id: w.stateB.id },
        madeBy: { id: w.secretariat.id },
        clauses: [],
      });
      const missing = await t.gql(
        MAKE,
        { input: { documentId: doc.id, kind: 'GENERAL', text: 'Whose?' } },
        w.secretariat.token,
      );
      expect(missing.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'participantId',
      });
    });

    it.each(['delegateA', 'observerA', 'companyDelegate', 'outsider'] as const)(
      'is refused to %s',
      async (who) => {
        const doc = await adopted();
        const res = await t.gql(
          MAKE,
          { input: { documentId: doc.id, kind: 'GENERAL', text: 'Hello.' } },
          w[who].token,
        );
        expect(code(res)).toBe('FORBIDDEN');
      },
    );

    it('is refused to the public, and for another participant', async () => {
      const doc = await adopted();
      const input = { documentId: doc.id, kind: 'GENERAL', text: 'Hello.' };
      expect(code(await t.gql(MAKE, { input }, null))).toBe('UNAUTHENTICATED');
      expect(
        code(await t.gql(MAKE, { input: { ...input, participantId: w.stateB.id } }, w.headA.token)),
      ).toBe('FORBIDDEN');
    });

    it('needs an adopted text (ADOPTED or OPEN_FOR_SIGNATURE)', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION', { clauses: CLAUSES });
      const res = await t.gql(
        MAKE,
        { input: { documentId: draft.id, kind: 'GENERAL', text: 'Early.' } },
        w.headA.token,
      );
      expect(code(res)).toBe('INVALID_STATE');
      const closed = await adopted(false, 'OPEN_FOR_SIGNATURE');
      ok(await t.gql(transition(TRANSITIONS.CLOSED), { id: closed.id }, w.secretariat.token));
      const late = await t.gql(
        MAKE,
        { input: { documentId: closed.id, kind: 'GENERAL', text: 'Late.' } },
        w.headA.token,
      );
      expect(code(late)).toBe('INVALID_STATE');
    });

    it('admits a reservation only where the document admits them', async () => {
      const none = await adopted(false);
      const refused = await t.gql(
        MAKE,
        {
          input: {
            documentId: none.id,
            kind: 'RESERVATION',
            text: 'Not bound by 3.',
            clauseIds: [none.clauses[2].id],
          },
        },
        w.headA.token,
      );
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'kind',
      });
      const some = await adopted(true);
      const reservation = ok(
        await t.gql(
          MAKE,
          {
            input: {
              documentId: some.id,
              kind: 'RESERVATION',
              text: 'Not bound by 3.',
              clauseIds: [some.clauses[2].id],
            },
          },
          w.headA.token,
        ),
      ).makeStatement;
      expect(reservation.kind).toBe('RESERVATION');
    });

    it('admits an objection only in response to another participant’s reservation', async () => {
      const doc = await adopted(true);
      const make = (input: Record<string, unknown>, token: string) =>
        t.gql(MAKE, { input: { documentId: doc.id, text: 'Text.', ...input } }, token);
      const reservation = ok(await make({ kind: 'RESERVATION' }, w.headA.token)).makeStatement;
      const declaration = ok(await make({ kind: 'GENERAL' }, w.headA.token)).makeStatement;

      const objection = ok(
        await make({ kind: 'OBJECTION', inResponseToId: reservation.id }, w.headB.token),
      ).makeStatement;
      expect(objection).toMatchObject({
        participant: { id: w.stateB.id },
        inResponseTo: { id: reservation.id, kind: 'RESERVATION' },
      });

      const cases: [Record<string, unknown>, string][] = [
        [{ kind: 'OBJECTION', inResponseToId: reservation.id }, 'inResponseToId'], // its own reservation
        [{ kind: 'OBJECTION' }, 'inResponseToId'],
        [{ kind: 'OBJECTION', inResponseToId: declaration.id }, 'inResponseToId'],
        [{ kind: 'GENERAL', inResponseToId: reservation.id }, 'inResponseToId'],
      ];
      for (const [input, field] of cases) {
        const res = await make(input, w.headA.token);
        expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const other = await adopted(true);
      const foreign = await t.gql(
        MAKE,
        {
          input: {
            documentId: other.id,
            kind: 'OBJECTION',
            text: 'No.',
            inResponseToId: reservation.id,
          },
        },
        w.headB.token,
      );
      expect(foreign.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'inResponseToId',
      });
    });

    it('refuses clauses of another document, too many clauses, and empty or oversized text', async () => {
      const doc = await adopted();
      const other = await adopted();
      const base = { documentId: doc.id, kind: 'GENERAL', text: 'Text.' };
      const cases: [Record<string, unknown>, string][] = [
        [{ clauseIds: [doc.clauses[0].id, other.clauses[0].id] }, 'clauseIds'],
        [{ clauseIds: Array.from({ length: 51 }, () => doc.clauses[0].id) }, 'clauseIds'],
        [{ text: '   ' }, 'text'],
        [{ text: 'x'.repeat(10_001) }, 'text'],
      ];
      for (const [input, field] of cases) {
        const res = await t.gql(MAKE, { input: { ...base, ...input } }, w.headA.token);
        expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(ok(await t.gql(READ, { id: doc.id }, null)).document.statements).toEqual([]);
    });

    it('reaches subscribers of the document (documentChanged)', async () => {
      const doc = await adopted();
      const session = new WsSession(t, null);
      try {
        const stream = session.subscribe(
          `subscription($id: ID!) { documentChanged(documentId: $id) { id statements { text } } }`,
          { id: doc.id },
        );
        await nudgeUntilReceived(t, stream, 'documentChanged', { documentId: doc.id });
        const seen = stream.results.length;
        ok(
          await t.gql(
            MAKE,
            { input: { documentId: doc.id, kind: 'GENERAL', text: 'On record.' } },
            w.headA.token,
          ),
        );
        await stream.after(seen);
        expect(stream.results.at(-1)!.data!.documentChanged.statements).toEqual([
          { text: 'On record.' },
        ]);
      } finally {
        await session.dispose();
      }
    });
  });

  describe('withdrawStatement', () => {
    it('keeps the statement, marked; by its participant’s head or the secretariat, once', async () => {
      const doc = await adopted();
      const made = ok(
        await t.gql(
          MAKE,
          { input: { documentId: doc.id, kind: 'GENERAL', text: 'Text.' } },
          w.headA.token,
        ),
      ).makeStatement;
      expect(code(await t.gql(WITHDRAW, { id: made.id }, w.headB.token))).toBe('FORBIDDEN');
      expect(code(await t.gql(WITHDRAW, { id: made.id }, w.delegateA.token))).toBe('FORBIDDEN');
      const withdrawn = ok(await t.gql(WITHDRAW, { id: made.id }, w.headA.token)).withdrawStatement;
      expect(withdrawn.withdrawnAt).not.toBeNull();
      expect(code(await t.gql(WITHDRAW, { id: made.id }, w.secretariat.token))).toBe(
        'INVALID_STATE',
      );
      const read = ok(await t.gql(READ, { id: doc.id }, null)).document;
      expect(read.statements).toEqual([
        expect.objectContaining({ id: made.id, withdrawnAt: withdrawn.withdrawnAt }),
      ]);
      expect(await auditActions(t, made.id)).toEqual(['statement.made', 'statement.withdrawn']);
    });
  });

  describe('reads', () => {
    it('do not grow with the number of statements and clauses (no N+1)', async () => {
      const small = await adopted();
      const large = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
        clauses: Array.from({ length: 12 }, (_, i) => ({ text: `Paragraph ${i + 1}.` })),
      });
      ok(await t.gql(transition(TRANSITIONS.ADOPTED), { id: large.id }, w.secretariat.token));
      for (const [doc, count] of [
        [small, 1],
        [large, 12],
      ] as const) {
        for (let i = 0; i < count; i++) {
          ok(
            await t.gql(
              MAKE,
              {
                input: {
                  documentId: doc.id,
                  kind: 'INTERPRETIVE_DECLARATION',
                  text: `On ${i}.`,
                  clauseIds: [doc.clauses[i].id],
                },
              },
              i % 2 ? w.headA.token : w.headB.token,
            ),
          );
        }
      }
      const query = `query($id: ID) { document(id: $id) {
        statements { id participant { id } clauses { id number } inResponseTo { id } madeBy { id } document { id } }
        clauses { id statements { id participant { id } } } } }`;
      const one = await countQueries(() => t.gql(query, { id: small.id }, w.secretariat.token));
      const many = await countQueries(() => t.gql(query, { id: large.id }, w.secretariat.token));
      expect(many.result.data!.document.statements).toHaveLength(12);
      expect(many.count).toBeLessThanOrEqual(one.count + BATCH_JITTER);
    });
  });

  describe('the signatories CSV', () => {
    it('lists each signatory’s standing statements with the clauses they concern', async () => {
      const doc = await adopted(false, 'OPEN_FOR_SIGNATURE');
      ok(
        await t.gql(
          `mutation($id: ID!) { signDocument(documentId: $id) { id } }`,
          { id: doc.id },
          w.headA.token,
        ),
      );
      const make = (kind: string, text: string, clauseIds: string[] = []) =>
        t.gql(MAKE, { input: { documentId: doc.id, kind, text, clauseIds } }, w.headA.token);
      ok(await make('INTERPRETIVE_DECLARATION', 'We read it so.', [doc.clauses[1].id]));
      const gone = ok(await make('GENERAL', 'Withdrawn later.')).makeStatement;
      ok(await t.gql(WITHDRAW, { id: gone.id }, w.headA.token));
      const res = await request(t.http).get(`/documents/${doc.slug}/signatories.csv`);
      expect(res.status).toBe(200);
      const [header, record] = res.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(header.split(',').at(-1)).toBe('statements');
      expect(record.endsWith(',INTERPRETIVE_DECLARATION (clause 2): We read it so.')).toBe(true);
      expect(res.text).not.toContain('Withdrawn later.');
    });
  });

  describe('the text documents (PDF, Word, Markdown)', () => {
    it('show each standing statement under the clauses it concerns, and those on the whole text', async () => {
      const doc = await adopted(true);
      const make = (kind: string, text: string, clauseIds: string[], token = w.headA.token) =>
        t.gql(MAKE, { input: { documentId: doc.id, kind, text, clauseIds } }, token);
      ok(await make('INTERPRETIVE_DECLARATION', 'Read with paragraph three.', [doc.clauses[1].id]));
      ok(
        await make(
          'RESERVATION',
          'Not bound by the last paragraph.',
          [doc.clauses[2].id],
          w.headB.token,
        ),
      );
      ok(await make('GENERAL', 'Welcomes the text as a whole.', []));
      const gone = ok(await make('GENERAL', 'Said in haste.', [])).makeStatement;
      ok(await t.gql(WITHDRAW, { id: gone.id }, w.headA.token));

      const get = (format: string) =>
        request(t.http)
          .get(`/documents/${doc.slug}/text.${format}`)
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          });
      for (const format of ['md', 'docx', 'pdf']) {
        const res = await get(format);
        expect(res.status).toBe(200);
        const body = res.body as Buffer;
        const text = (
          format === 'pdf'
            ? await pdfText(body)
            : format === 'docx'
              ? (await mammoth.extractRawText({ buffer: body })).value
              : body.toString('utf8')
        ).replace(/\s+/g, ' ');
        const at = (needle: string) => {
          const index = text.indexOf(needle);
          expect(index).toBeGreaterThan(-1);
          return index;
        };
        // Under its clause: after that clause's text, before the next clause's.
        expect(at('Second.')).toBeLessThan(at('Read with paragraph three.'));
        expect(at('Read with paragraph three.')).toBeLessThan(at('Third.'));
        expect(at('Third.')).toBeLessThan(at('Not bound by the last paragraph.'));
        expect(text).toContain(w.stateB.name);
        at('Welcomes the text as a whole.');
        expect(text).not.toContain('Said in haste.');
      }
    });
  });
});
