import { AgendaItemKind, ParticipantKind } from '@accord/common';
import { AGENDA_MINUTES, buildAgenda, ProcessState } from './agenda-builder';

const UK = { id: 'uk', name: 'United Kingdom', kind: ParticipantKind.STATE };
const COP = { id: 'cop', title: 'Code of Practice', eligibleKinds: [ParticipantKind.STATE] };

const state = (overrides: Partial<ProcessState>): ProcessState => ({
  hosts: [UK],
  invited: [UK],
  actionItems: [],
  negotiation: [COP],
  openWork: [],
  openForSignature: [],
  signatories: new Map(),
  nextMeeting: null,
  ...overrides,
});

describe('buildAgenda: stale translations', () => {
  it('gives a document under review a sub-item listing its stale clauses per language', () => {
    const items = buildAgenda(
      state({
        staleTranslations: [
          {
            documentId: 'cop',
            language: 'fr',
            clauseIds: ['c3', 'c5'],
            labels: ['clause 3', 'clause 5'],
          },
          { documentId: 'cop', language: 'es', clauseIds: ['c3'], labels: ['clause 3'] },
          { documentId: 'other', language: 'fr', clauseIds: ['x'], labels: ['clause 1'] },
        ],
      }),
    );
    const review = items.findIndex((i) => i.title === 'Consideration of Code of Practice');
    expect(items[review + 1]).toMatchObject({
      kind: AgendaItemKind.DOCUMENT_REVIEW,
      level: 2,
      title: 'Stale translations',
      documentId: 'cop',
      clauseIds: ['c3', 'c5'],
      notes: 'fr: clause 3, clause 5\nes: clause 3',
      minutes: AGENDA_MINUTES.staleTranslations,
    });
    expect(items.filter((i) => i.title === 'Stale translations')).toHaveLength(1);
  });

  it('adds nothing when every translation is current (or the state does not say)', () => {
    expect(buildAgenda(state({})).some((i) => i.title === 'Stale translations')).toBe(false);
    expect(
      buildAgenda(state({ staleTranslations: [] })).some((i) => i.title === 'Stale translations'),
    ).toBe(false);
  });
});
