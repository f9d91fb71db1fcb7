import { AgendaItemKind } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';
import { AgendaReader, visibleAgendaItems } from './agenda-visible-items';

const DRAFT = 'draft-id';
const ADOPTED = 'adopted-id';

const item = (
  number: string,
  kind: AgendaItemKind,
  startsAt: string,
  endsAt: string,
  fields: Partial<StoredAgendaItem> = {},
): StoredAgendaItem => ({
  number,
  kind,
  title: `Item ${number}`,
  startsAt: `2026-07-01T${startsAt}:00.000Z`,
  endsAt: `2026-07-01T${endsAt}:00.000Z`,
  documentId: null,
  clauseIds: [],
  participantIds: [],
  notes: null,
  ...fields,
});

/** A generated agenda: follow-up, a draft's review with three clause sub-items cut by a break, a signing. */
const ITEMS: StoredAgendaItem[] = [
  item('1', AgendaItemKind.FOLLOW_UP, '09:00', '09:20', {
    title: 'Follow-up of action items',
    notes: '- Collect points of contact (United Kingdom)',
    participantIds: ['gb'],
  }),
  item('2', AgendaItemKind.DOCUMENT_REVIEW, '09:20', '09:35', {
    title: 'Consideration of Code for Industry',
    documentId: DRAFT,
    clauseIds: ['c1', 'c2', 'c3'],
    notes: '3 clauses with open work: 4 open amendments, 8 bracketed passages',
  }),
  item('2.1', AgendaItemKind.DOCUMENT_REVIEW, '09:35', '10:05', {
    title: 'Clause 2',
    documentId: DRAFT,
    clauseIds: ['c1'],
    notes: '1 open amendment, 2 bracketed passages',
  }),
  item('2.2', AgendaItemKind.DOCUMENT_REVIEW, '10:05', '10:30', {
    title: 'Clause 5',
    documentId: DRAFT,
    clauseIds: ['c2'],
    notes: '2 open amendments, 1 bracketed passage',
  }),
  item('', AgendaItemKind.BREAK, '10:30', '10:45', { title: 'Coffee break' }),
  item('2.3', AgendaItemKind.DOCUMENT_REVIEW, '10:45', '11:30', {
    title: 'Clause 9',
    documentId: DRAFT,
    clauseIds: ['c3'],
    notes: '1 open amendment, 5 bracketed passages',
  }),
  item('3', AgendaItemKind.SIGNING, '11:30', '11:50', {
    title: 'Signature of Declaration',
    documentId: ADOPTED,
    notes: '1 invited participant may sign and has not signed yet',
    participantIds: ['fr'],
  }),
];

const reader = (overrides: Partial<AgendaReader> = {}): AgendaReader => ({
  readableDocument: (id) => ({
    readable: id === ADOPTED,
    title: id === DRAFT ? 'Code for Industry' : 'Declaration',
  }),
  actionItems: false,
  ...overrides,
});

describe(visibleAgendaItems.name, () => {
  it('names a draft the caller cannot read by its title only, folding its clause sub-items in', () => {
    const shown = visibleAgendaItems(ITEMS, reader());
    expect(
      shown.map((i) => [i.number, i.title, i.startsAt.slice(11, 16), i.endsAt.slice(11, 16)]),
    ).toEqual([
      ['1', 'Follow-up of action items', '09:00', '09:20'],
      ['2', 'Consideration of Code for Industry', '09:20', '10:30'],
      ['', 'Coffee break', '10:30', '10:45'],
      ['2', 'Consideration of Code for Industry (continued)', '10:45', '11:30'],
      ['3', 'Signature of Declaration', '11:30', '11:50'],
    ]);
    for (const hidden of [shown[1], shown[3]]) {
      expect(hidden).toMatchObject({ notes: null, clauseIds: [], participantIds: [] });
    }
    expect(JSON.stringify(shown)).not.toMatch(/bracket|amendment|Clause \d/);
  });

  it('shows the follow-up item bare unless the caller may read the action items', () => {
    expect(visibleAgendaItems(ITEMS, reader())[0]).toMatchObject({
      notes: null,
      participantIds: [],
    });
    expect(visibleAgendaItems(ITEMS, reader({ actionItems: true }))[0]).toEqual(ITEMS[0]);
  });

  it('shows everything to a caller who may read every document and the action items', () => {
    const all = reader({
      readableDocument: () => ({ readable: true, title: 'x' }),
      actionItems: true,
    });
    expect(visibleAgendaItems(ITEMS, all)).toEqual(ITEMS);
  });

  it('keeps readable documents as they are, and does not change the stored items', () => {
    const before = JSON.stringify(ITEMS);
    const shown = visibleAgendaItems(ITEMS, reader());
    expect(shown.at(-1)).toEqual(ITEMS.at(-1));
    expect(JSON.stringify(ITEMS)).toBe(before);
  });

  it('names a document it cannot find without revealing anything', () => {
    const shown = visibleAgendaItems(
      [ITEMS[1]],
      reader({ readableDocument: () => ({ readable: false, title: null }) }),
    );
    expect(shown[0].title).toBe('Consideration of a text under negotiation');
  });
});
