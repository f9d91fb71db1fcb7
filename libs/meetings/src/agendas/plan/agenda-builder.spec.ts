import { AgendaItemKind, ParticipantKind } from '@accord/common';
import { AGENDA_MINUTES, buildAgenda, ProcessState } from './agenda-builder';

const UK = { id: 'uk', name: 'United Kingdom', kind: ParticipantKind.STATE };
const FR = { id: 'fr', name: 'France', kind: ParticipantKind.STATE };
const GOOGLE = { id: 'google', name: 'Google', kind: ParticipantKind.COMPANY };

function state(overrides: Partial<ProcessState> = {}): ProcessState {
  return {
    hosts: [UK, FR],
    invited: [UK, FR, GOOGLE],
    actionItems: [],
    negotiation: [],
    openWork: [],
    openForSignature: [],
    signatories: new Map(),
    nextMeeting: null,
    ...overrides,
  };
}

const work = (documentId: string, clauseId: string, number: string, a: number, b: number) => ({
  documentId,
  clauseId,
  number,
  position: Number(number) || 1,
  openAmendments: a,
  openBrackets: b,
});

describe(buildAgenda.name, () => {
  it('follows the generation order: opening, adoption, follow-up, reviews, signings, AOB, next meeting, closing', () => {
    const items = buildAgenda(
      state({
        actionItems: [{ title: 'Report on export controls', owner: FR }],
        negotiation: [
          { id: 'cop', title: 'Code of Practice', eligibleKinds: [ParticipantKind.STATE] },
        ],
        openWork: [work('cop', 'c3', '3', 1, 0)],
        openForSignature: [
          { id: 'decl', title: 'Declaration', eligibleKinds: [ParticipantKind.STATE] },
        ],
      }),
    );
    expect(items.map((i) => `${i.level}:${i.kind}`)).toEqual([
      '1:OPENING',
      '1:ADOPTION_OF_AGENDA',
      '1:FOLLOW_UP',
      '1:DOCUMENT_REVIEW',
      '2:DOCUMENT_REVIEW',
      '1:SIGNING',
      '1:AOB',
      '1:NEXT_MEETING',
      '1:CLOSING',
    ]);
    expect(items[0]).toMatchObject({
      participantIds: ['uk', 'fr'],
      notes: 'Opening remarks by the hosts',
    });
    expect(items[2]).toMatchObject({
      participantIds: ['fr'],
      notes: '- Report on export controls (France)',
    });
  });

  it('leaves out the follow-up when no open action item is due', () => {
    expect(buildAgenda(state()).map((i) => i.kind)).not.toContain(AgendaItemKind.FOLLOW_UP);
  });

  it('reviews a document only when an invited participant’s kind may see it', () => {
    const negotiation = [
      { id: 'states', title: 'For states', eligibleKinds: [ParticipantKind.STATE] },
      { id: 'academia', title: 'For academia', eligibleKinds: [ParticipantKind.ACADEMIA] },
    ];
    const items = buildAgenda(state({ negotiation }));
    expect(
      items.filter((i) => i.kind === AgendaItemKind.DOCUMENT_REVIEW).map((i) => i.documentId),
    ).toEqual(['states']);
    const statesOnly = buildAgenda(state({ negotiation, invited: [GOOGLE] }));
    expect(statesOnly.some((i) => i.kind === AgendaItemKind.DOCUMENT_REVIEW)).toBe(false);
  });

  it('gives each clause with open work a sub-item, with time in proportion to its amendments and brackets', () => {
    const items = buildAgenda(
      state({
        negotiation: [{ id: 'cop', title: 'Code', eligibleKinds: [ParticipantKind.STATE] }],
        openWork: [
          work('cop', 'c2', '2', 2, 1),
          work('cop', 'c5', '5', 0, 1),
          work('other', 'x', '1', 5, 5),
        ],
      }),
    );
    const review = items.filter((i) => i.kind === AgendaItemKind.DOCUMENT_REVIEW);
    expect(review.map((i) => [i.level, i.title, i.clauseIds, i.minutes, i.proportional])).toEqual([
      [1, 'Consideration of Code', ['c2', 'c5'], AGENDA_MINUTES.documentIntroduction, false],
      [2, 'Clause 2', ['c2'], 3 * AGENDA_MINUTES.clausePerUnit, true],
      [2, 'Clause 5', ['c5'], 1 * AGENDA_MINUTES.clausePerUnit, true],
    ]);
    expect(review[1]).toMatchObject({
      work: 3,
      label: 'Clause 2 of Code',
      notes: '2 open amendments, 1 bracketed passage',
    });
  });

  it('lists, for each document open for signature, the invited eligible participants that have not signed', () => {
    const items = buildAgenda(
      state({
        openForSignature: [
          {
            id: 'decl',
            title: 'Declaration',
            eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
          },
          { id: 'cop', title: 'Code', eligibleKinds: [ParticipantKind.STATE] },
        ],
        signatories: new Map([
          ['decl', new Set(['uk'])],
          ['cop', new Set(['uk', 'fr'])],
        ]),
      }),
    );
    const signings = items.filter((i) => i.kind === AgendaItemKind.SIGNING);
    expect(signings.map((i) => [i.documentId, i.participantIds])).toEqual([
      ['decl', ['fr', 'google']],
      ['cop', []],
    ]);
    expect(signings[1].notes).toBe('Every invited participant that may sign has signed');
  });

  it('names the next meeting with its city and dates in its own time zone, or says it is to be decided', () => {
    const next = {
      title: 'Fifth meeting',
      city: 'Paris',
      venue: null,
      timezone: 'Europe/Paris',
      startsAt: new Date('2027-03-31T22:30:00Z'), // 1 April local
      endsAt: new Date('2027-04-02T15:00:00Z'),
    };
    const note = (s: ProcessState) =>
      buildAgenda(s).find((i) => i.kind === AgendaItemKind.NEXT_MEETING)!.notes;
    expect(note(state({ nextMeeting: next }))).toBe(
      'Fifth meeting: Paris, 1 April 2027 to 2 April 2027',
    );
    expect(note(state())).toBe('To be decided');
  });
});
