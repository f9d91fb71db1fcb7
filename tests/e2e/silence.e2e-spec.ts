import { DelegationRole, ParticipantKind } from '@accord/common';
import { SilenceDeadlineService } from '@accord/drafting';
import { createTestApp, TestApp } from '../support/test-app';
import { createMember, createParticipant, createWorld, World } from '../support/factories';
import { createTestMeeting, MEETING_OPS } from '../support/meeting-factory';
import {
  ADD_COMMENT,
  auditActions,
  code,
  draftIn,
  ok,
  PROPOSE,
  transition,
  TRANSITIONS,
} from './drafting-fixtures';
import {
  BREAK,
  CANCEL,
  DOCUMENT_SILENCE,
  inMs,
  passDeadline,
  START,
  startSilence,
} from './silence-fixtures';
import { nudgeUntilReceived, WsSession } from './ws-fixtures';

const DAY = 86_400_000;
const SET_RESERVATIONS = `mutation($id: ID!, $allowed: Boolean!) { setReservationsAllowed(documentId: $id, allowed: $allowed) { id reservationsAllowed } }`;

describe('silence procedure', () => {
  let t: TestApp;
  let w: World;
  let deadlines: SilenceDeadlineService;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    deadlines = t.get(SilenceDeadlineService);
  });
  afterAll(() => t.close());

  /** The kinds of email written to the outbox about a document. */
  const emails = async (documentId: string): Promise<string[]> =>
    (
      (await t.dataSource.query(
        `SELECT DISTINCT kind FROM notification_deliveries WHERE "documentId" = $1`,
        [documentId],
      )) as { kind: string }[]
    ).map((r) => r.kind);

  /** A text in NEGOTIATION that could be adopted now. */
  const agreedText = () =>
    draftIn(t, w.secretariat.token, 'NEGOTIATION', {
      clauses: [{ text: 'Participants will act responsibly.' }, { text: 'They will report.' }],
    });

  describe('startSilenceProcedure', () => {
    it('lets the secretariat circulate an agreed text with a deadline, announced in a time zone', async () => {
      const draft = await agreedText();
      const deadline = inMs(7 * DAY);
      const res = ok(
        await t.gql(
          START,
          { documentId: draft.id, deadline, timezone: 'europe/paris' },
          w.secretariat.token,
        ),
      ).startSilenceProcedure;
      expect(res).toMatchObject({
        status: 'RUNNING',
        deadline,
        timezone: 'Europe/Paris',
        concludedAt: null,
        breaks: [],
        startedBy: { id: w.secretariat.id },
        document: { id: draft.id, status: 'NEGOTIATION' },
      });
      const doc = ok(await t.gql(DOCUMENT_SILENCE, { id: draft.id }, w.delegateA.token)).document;
      expect(doc.silenceProcedure).toMatchObject({ id: res.id, status: 'RUNNING' });
      expect(await auditActions(t, res.id)).toEqual(['silence.started']);
      expect(await emails(draft.id)).toContain('SILENCE_STARTED');
    });

    it('announces the deadline in the next meeting’s time zone by default, else UTC', async () => {
      const first = await startSilence(t, w.secretariat.token, (await agreedText()).id, inMs(DAY));
      expect(first.timezone).toBe('UTC');
      await createTestMeeting(t, w.secretariat.actor, {
        hostIds: [w.stateA.id],
        timezone: 'Asia/Tokyo',
        startsAt: new Date(Date.now() + 30 * DAY),
        endsAt: new Date(Date.now() + 30 * DAY + 8 * 3_600_000),
      });
      const second = await startSilence(t, w.secretariat.token, (await agreedText()).id, inMs(DAY));
      expect(second.timezone).toBe('Asia/Tokyo');
    });

    it.each(['admin', 'secretariat'] as const)('is open to %s', async (who) => {
      const draft = await agreedText();
      await startSilence(t, w[who].token, draft.id, inMs(DAY));
    });

    it.each(['headA', 'delegateA', 'observerA', 'outsider'] as const)(
      'is refused to %s',
      async (who) => {
        const draft = await agreedText();
        const res = await t.gql(START, { documentId: draft.id, deadline: inMs(DAY) }, w[who].token);
        expect(code(res)).toBe('FORBIDDEN');
      },
    );

    it('is refused to the public', async () => {
      const draft = await agreedText();
      const res = await t.gql(START, { documentId: draft.id, deadline: inMs(DAY) }, null);
      expect(code(res)).toBe('UNAUTHENTICATED');
    });

    it('needs a document in NEGOTIATION', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'DRAFT');
      const res = await t.gql(
        START,
        { documentId: draft.id, deadline: inMs(DAY) },
        w.secretariat.token,
      );
      expect(code(res)).toBe('INVALID_STATE');
      const adopted = await draftIn(t, w.secretariat.token, 'ADOPTED');
      expect(
        code(
          await t.gql(START, { documentId: adopted.id, deadline: inMs(DAY) }, w.secretariat.token),
        ),
      ).toBe('INVALID_STATE');
    });

    it('needs a text that could be adopted now: no open brackets, no pending amendment', async () => {
      const bracketed = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
        clauses: [{ text: 'States [will][shall] act.' }],
      });
      const res = await t.gql(
        START,
        { documentId: bracketed.id, deadline: inMs(DAY) },
        w.secretariat.token,
      );
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/bracketed/);

      const amended = await agreedText();
      ok(
        await t.gql(
          PROPOSE,
          { input: { clauseId: amended.clauses[0].id, kind: 'DELETE' } },
          w.headA.token,
        ),
      );
      const refused = await t.gql(
        START,
        { documentId: amended.id, deadline: inMs(DAY) },
        w.secretariat.token,
      );
      expect(code(refused)).toBe('INVALID_STATE');
      expect(refused.errors![0].message).toMatch(/PROPOSED/);
    });

    it('refuses a deadline in the past or more than a year ahead, and a time zone that is not IANA', async () => {
      const draft = await agreedText();
      const cases: [Record<string, unknown>, string][] = [
        [{ deadline: inMs(-60_000) }, 'deadline'],
        [{ deadline: inMs(400 * DAY) }, 'deadline'],
        [{ deadline: inMs(DAY), timezone: 'Mars/Olympus_Mons' }, 'timezone'],
        [{ deadline: inMs(DAY), timezone: 'x'.repeat(65) }, 'timezone'],
      ];
      for (const [variables, field] of cases) {
        const res = await t.gql(START, { documentId: draft.id, ...variables }, w.secretariat.token);
        expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const bad = await t.gql(
        START,
        { documentId: draft.id, deadline: 'tomorrow' },
        w.secretariat.token,
      );
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(
        ok(await t.gql(DOCUMENT_SILENCE, { id: draft.id }, w.secretariat.token)).document,
      ).toMatchObject({ silenceProcedures: [] });
    });

    it('refuses a second procedure while one runs', async () => {
      const draft = await agreedText();
      await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      const res = await t.gql(
        START,
        { documentId: draft.id, deadline: inMs(2 * DAY) },
        w.secretariat.token,
      );
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/already runs/);
    });
  });

  describe('while silence runs the text is frozen', () => {
    it('refuses amendments, adoption by hand and changes of what is adopted, saying until when', async () => {
      const draft = await agreedText();
      await startSilence(
        t,
        w.secretariat.token,
        draft.id,
        '2027-03-01T16:00:00.000Z',
        'Europe/Paris',
      );
      const attempts = [
        t.gql(PROPOSE, { input: { clauseId: draft.clauses[0].id, kind: 'DELETE' } }, w.headA.token),
        t.gql(transition(TRANSITIONS.ADOPTED), { id: draft.id }, w.secretariat.token),
        t.gql(SET_RESERVATIONS, { id: draft.id, allowed: true }, w.secretariat.token),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(code(res)).toBe('INVALID_STATE');
        expect(res.errors![0].message).toContain(
          'silence procedure runs on this document until 1 March 2027, 17:00 Europe/Paris',
        );
      }
      // Discussion goes on: a comment changes nothing of the text.
      ok(
        await t.gql(ADD_COMMENT, { clauseId: draft.clauses[0].id, body: 'Agreed.' }, w.headA.token),
      );
    });
  });

  describe('breakSilence', () => {
    it('by the head of delegation of a participant that may sign: BROKEN, the text stays in negotiation and may change again', async () => {
      const draft = await agreedText();
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      const broken = ok(
        await t.gql(
          BREAK,
          { id: procedure.id, reason: '  Paragraph 2 needs another look.  ' },
          w.headA.token,
        ),
      ).breakSilence;
      expect(broken).toMatchObject({
        status: 'BROKEN',
        document: { status: 'NEGOTIATION', adoptedAt: null },
        breaks: [{ participant: { id: w.stateA.id }, reason: 'Paragraph 2 needs another look.' }],
      });
      expect(broken.concludedAt).toBe(broken.breaks[0].brokenAt);
      expect(await auditActions(t, procedure.id)).toEqual(['silence.started', 'silence.broken']);
      expect(await emails(draft.id)).toContain('SILENCE_BROKEN');
      ok(
        await t.gql(
          PROPOSE,
          { input: { clauseId: draft.clauses[0].id, kind: 'DELETE' } },
          w.headB.token,
        ),
      );
      expect(await deadlines.adoptAtDeadline(procedure.id)).toBe('ALREADY_ENDED');
      const again = await t.gql(BREAK, { id: procedure.id, reason: 'Me too' }, w.headB.token);
      expect(code(again)).toBe('INVALID_STATE');
    });

    it.each([
      'delegateA',
      'observerA',
      'secretariat',
      'admin',
      'outsider',
      'companyDelegate',
    ] as const)('is refused to %s', async (who) => {
      const draft = await agreedText();
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      const res = await t.gql(BREAK, { id: procedure.id, reason: 'No.' }, w[who].token);
      expect(code(res)).toBe('FORBIDDEN');
    });

    it('is refused to the head of a participant that may not sign the document', async () => {
      const company = await createParticipant(t, w.secretariat.actor, {
        kind: ParticipantKind.COMPANY,
      });
      const head = await createMember(
        t,
        w.secretariat.actor,
        company.id,
        DelegationRole.HEAD_OF_DELEGATION,
      );
      const draft = await agreedText(); // eligible: STATE only
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      expect(code(await t.gql(BREAK, { id: procedure.id, reason: 'No.' }, head.token))).toBe(
        'FORBIDDEN',
      );
      expect(code(await t.gql(BREAK, { id: procedure.id, reason: 'No.' }, null))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('needs a written reason', async () => {
      const draft = await agreedText();
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      for (const reason of ['   ', 'x'.repeat(5001)]) {
        const res = await t.gql(BREAK, { id: procedure.id, reason }, w.headA.token);
        expect(res.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'reason',
        });
      }
      const unknown = await t.gql(
        BREAK,
        { id: '00000000-0000-4000-8000-000000000000', reason: 'No.' },
        w.headA.token,
      );
      expect(unknown.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'procedureId',
      });
    });

    it('is refused once the deadline has passed, by the database’s clock: the text is adopted at the deadline', async () => {
      const draft = await agreedText();
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      const deadline = await passDeadline(t, procedure.id);
      const late = await t.gql(BREAK, { id: procedure.id, reason: 'Too late?' }, w.headA.token);
      expect(code(late)).toBe('INVALID_STATE');
      expect(late.errors![0].message).toMatch(/can no longer be broken/);
      expect(await deadlines.adoptAtDeadline(procedure.id)).toBe('ADOPTED');
      const doc = ok(await t.gql(DOCUMENT_SILENCE, { id: draft.id }, null)).document;
      expect(doc).toMatchObject({ status: 'ADOPTED', adoptedAt: deadline.toISOString() });
    });

    it('tells everyone who can see the document (documentChanged)', async () => {
      const draft = await agreedText();
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      const session = new WsSession(t, w.delegateB.token);
      try {
        const stream = session.subscribe(
          `subscription($id: ID!) { documentChanged(documentId: $id) { id silenceProcedure { status breaks { reason } } } }`,
          { id: draft.id },
        );
        await nudgeUntilReceived(t, stream, 'documentChanged', { documentId: draft.id });
        const seen = stream.results.length;
        ok(await t.gql(BREAK, { id: procedure.id, reason: 'We object.' }, w.headA.token));
        await stream.after(seen);
        expect(stream.results.at(-1)!.data!.documentChanged.silenceProcedure).toEqual({
          status: 'BROKEN',
          breaks: [{ reason: 'We object.' }],
        });
      } finally {
        await session.dispose();
      }
    });
  });

  describe('cancelSilenceProcedure', () => {
    it('lets the secretariat cancel with a reason; the text may change again', async () => {
      const draft = await agreedText();
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      expect(code(await t.gql(CANCEL, { id: procedure.id, reason: 'No.' }, w.headA.token))).toBe(
        'FORBIDDEN',
      );
      const cancelled = ok(
        await t.gql(
          CANCEL,
          { id: procedure.id, reason: 'Wrong version circulated' },
          w.secretariat.token,
        ),
      ).cancelSilenceProcedure;
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'Wrong version circulated',
        document: { status: 'NEGOTIATION' },
      });
      expect(await auditActions(t, procedure.id)).toEqual(['silence.started', 'silence.cancelled']);
      ok(await t.gql(transition(TRANSITIONS.ADOPTED), { id: draft.id }, w.secretariat.token));
    });
  });

  describe('adoption at the deadline', () => {
    it('adopts once, dated at the deadline, audited with the procedure as its reason', async () => {
      const draft = await agreedText();
      const procedure = await startSilence(t, w.secretariat.token, draft.id, inMs(DAY));
      expect(await deadlines.adoptAtDeadline(procedure.id)).toBe('NOT_DUE');
      const deadline = await passDeadline(t, procedure.id);
      const outcomes = await Promise.all([
        deadlines.adoptAtDeadline(procedure.id),
        deadlines.adoptAtDeadline(procedure.id),
        deadlines.sweep(),
      ]);
      expect(outcomes.filter((o) => o === 'ADOPTED')).toHaveLength(1);
      const doc = ok(await t.gql(DOCUMENT_SILENCE, { id: draft.id }, null)).document;
      expect(doc).toMatchObject({
        status: 'ADOPTED',
        adoptedAt: deadline.toISOString(),
        silenceProcedure: { id: procedure.id, status: 'CONCLUDED' },
      });
      const [adoption] = await t.dataSource.query(
        `SELECT "actorId", details FROM audit_events WHERE "entityId" = $1 AND action = 'document.adopted'`,
        [draft.id],
      );
      expect(adoption).toMatchObject({
        actorId: null,
        details: { silenceProcedureId: procedure.id, adoptedAt: deadline.toISOString() },
      });
      expect(await auditActions(t, procedure.id)).toEqual(['silence.started', 'silence.concluded']);
      // One email for the adoption: SILENCE_CONCLUDED says the text is adopted.
      expect(await emails(draft.id)).toEqual(
        expect.arrayContaining(['SILENCE_STARTED', 'SILENCE_CONCLUDED']),
      );
      expect(await emails(draft.id)).not.toContain('DOCUMENT_ADOPTED');
    });
  });

  describe('the agenda of the next meeting', () => {
    it('reports the procedures concluded or broken since the previous meeting, under follow-up', async () => {
      const previous = await createTestMeeting(t, w.secretariat.actor, {
        hostIds: [w.stateA.id],
        startsAt: new Date(Date.now() - 20 * DAY),
        endsAt: new Date(Date.now() - 20 * DAY + 3_600_000),
      });
      const next = await createTestMeeting(t, w.secretariat.actor, {
        hostIds: [w.stateA.id],
        previousMeetingId: previous.id,
        timezone: 'Europe/Paris',
        // A working day, so that every item fits.
        startsAt: new Date(
          `${new Date(Date.now() + 300 * DAY).toISOString().slice(0, 10)}T07:00:00Z`,
        ),
        endsAt: new Date(
          `${new Date(Date.now() + 300 * DAY).toISOString().slice(0, 10)}T16:00:00Z`,
        ),
      });
      ok(
        await t.gql(
          MEETING_OPS.invite,
          { id: next.id, ids: [w.stateA.id, w.stateB.id] },
          w.secretariat.token,
        ),
      );
      const concluded = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
        title: 'Concluded text',
      });
      const c = await startSilence(t, w.secretariat.token, concluded.id, inMs(DAY), 'UTC');
      await passDeadline(t, c.id);
      expect(await deadlines.adoptAtDeadline(c.id)).toBe('ADOPTED');
      const broken = await draftIn(t, w.secretariat.token, 'NEGOTIATION', { title: 'Broken text' });
      const b = await startSilence(t, w.secretariat.token, broken.id, inMs(DAY));
      ok(await t.gql(BREAK, { id: b.id, reason: 'No.' }, w.headB.token));

      const agenda = ok(
        await t.gql(
          `mutation($id: ID!) { generateAgenda(meetingId: $id) { items { kind title notes } } }`,
          { id: next.id },
          w.secretariat.token,
        ),
      ).generateAgenda;
      const item = agenda.items.find(
        (i: { title: string }) => i.title === 'Silence procedures since the previous meeting',
      );
      expect(agenda.items.map((i: { title: string }) => i.title)).toContain(
        'Silence procedures since the previous meeting',
      );
      expect(item.kind).toBe('FOLLOW_UP');
      expect(item.notes).toContain(
        'Concluded text: adopted under the silence procedure at its deadline',
      );
      expect(item.notes).toContain(`Broken text: silence broken on`);
      expect(item.notes).toContain(`by ${w.stateB.name}`);
    });
  });
});
