import { AgendaItemKind, ParticipantKind } from '@accord/common';
import { buildAgenda, ProcessState } from './agenda-builder';
import { SILENCE_FOLLOW_UP_MINUTES } from './silence-follow-up';

const UK = { id: 'uk', name: 'United Kingdom', kind: ParticipantKind.STATE };

const state = (overrides: Partial<ProcessState> = {}): ProcessState => ({
  hosts: [UK],
  invited: [UK],
  actionItems: [],
  negotiation: [],
  openWork: [],
  openForSignature: [],
  signatories: new Map(),
  nextMeeting: null,
  ...overrides,
});

describe('agenda: silence procedures since the previous meeting', () => {
  it('adds no item when none ended', () => {
    expect(buildAgenda(state({ silenceOutcomes: [] })).map((i) => i.title)).not.toContain(
      'Silence procedures since the previous meeting',
    );
  });

  it('reports concluded and broken procedures under follow-up, after the action items', () => {
    const items = buildAgenda(
      state({
        actionItems: [{ title: 'Report', owner: null }],
        silenceOutcomes: [
          {
            documentId: 'd1',
            documentTitle: 'Statement A',
            status: 'CONCLUDED',
            endedAt: new Date('2025-09-22T16:00:00Z'),
            timezone: 'Europe/London',
            brokenBy: [],
          },
          {
            documentId: 'd2',
            documentTitle: 'Statement B',
            status: 'BROKEN',
            endedAt: new Date('2025-09-04T10:30:00Z'),
            timezone: 'Europe/Paris',
            brokenBy: ['France'],
          },
        ],
      }),
    );
    const titles = items.map((i) => i.title);
    const index = titles.indexOf('Silence procedures since the previous meeting');
    expect(index).toBe(titles.indexOf('Follow-up of action items') + 1);
    const item = items[index];
    expect(item.kind).toBe(AgendaItemKind.FOLLOW_UP);
    expect(item.notes).toBe(
      '- Statement A: adopted under the silence procedure at its deadline, 22 September 2025, 17:00 Europe/London\n' +
        '- Statement B: silence broken on 4 September 2025, 12:30 Europe/Paris by France; the text remains in negotiation',
    );
    expect(item.minutes).toBe(
      SILENCE_FOLLOW_UP_MINUTES.base + 2 * SILENCE_FOLLOW_UP_MINUTES.perProcedure,
    );
  });
});
