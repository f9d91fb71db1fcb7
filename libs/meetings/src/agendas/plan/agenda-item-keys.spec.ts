import { AgendaItemKind } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';
import { assignItemKeys } from './agenda-item-keys';

function item(kind: AgendaItemKind, overrides: Partial<StoredAgendaItem> = {}): StoredAgendaItem {
  return {
    number: '1',
    kind,
    title: kind,
    startsAt: '2026-07-01T08:00:00.000Z',
    endsAt: '2026-07-01T08:30:00.000Z',
    documentId: null,
    clauseIds: [],
    participantIds: [],
    notes: null,
    ...overrides,
  };
}

const NONE = new Map<string, StoredAgendaItem>();

describe(assignItemKeys.name, () => {
  const v1 = assignItemKeys(
    [
      item(AgendaItemKind.OPENING),
      item(AgendaItemKind.DOCUMENT_REVIEW, { documentId: 'd1', title: 'Consideration of A' }),
      item(AgendaItemKind.DOCUMENT_REVIEW, { number: '2.1', documentId: 'd1', clauseIds: ['c1'] }),
      item(AgendaItemKind.BREAK, { number: '', title: 'Lunch' }),
      item(AgendaItemKind.OTHER, { title: 'Keynote' }),
      item(AgendaItemKind.CLOSING),
    ],
    null,
    NONE,
  );
  const keyOf = (kind: AgendaItemKind, title?: string) =>
    v1.items.find((i) => i.kind === kind && (!title || i.title === title))!.key;

  it('gives every item of a first version its own key and removes nothing', () => {
    expect(new Set(v1.items.map((i) => i.key)).size).toBe(v1.items.length);
    expect(v1.removed).toEqual([]);
  });

  it('keeps the key of the same item in the next version, whatever its times or title', () => {
    const next = assignItemKeys(
      [
        item(AgendaItemKind.OPENING, { title: 'Welcome', startsAt: '2026-07-01T09:00:00.000Z' }),
        item(AgendaItemKind.DOCUMENT_REVIEW, { documentId: 'd1', title: 'Consideration of A (2)' }),
        item(AgendaItemKind.DOCUMENT_REVIEW, {
          number: '2.1',
          documentId: 'd1',
          clauseIds: ['c1'],
        }),
        item(AgendaItemKind.OTHER, { title: 'keynote ' }),
        item(AgendaItemKind.CLOSING, { title: 'Farewell' }),
      ],
      { items: v1.items, removedItems: [] },
      NONE,
    );
    expect(next.items.map((i) => i.key)).toEqual(
      v1.items.filter((i) => i.kind !== AgendaItemKind.BREAK).map((i) => i.key),
    );
    expect(next.removed).toEqual([]);
  });

  it('lists dropped items (never breaks) as removed, with the state the last published version showed of them', () => {
    const next = assignItemKeys(
      [item(AgendaItemKind.OPENING), item(AgendaItemKind.CLOSING)],
      { items: v1.items, removedItems: [] },
      new Map([
        [
          keyOf(AgendaItemKind.OTHER)!,
          item(AgendaItemKind.OTHER, { title: 'Keynote (as published)' }),
        ],
      ]),
    );
    expect(next.removed.map((i) => [i.title, i.publishedAs?.title ?? null])).toEqual([
      ['Consideration of A', null],
      [AgendaItemKind.DOCUMENT_REVIEW, null],
      ['Keynote', 'Keynote (as published)'],
    ]);
  });

  it('gives an item put back its old key, and keeps the rest of the removed list', () => {
    const v2 = assignItemKeys(
      [item(AgendaItemKind.OPENING), item(AgendaItemKind.CLOSING)],
      { items: v1.items, removedItems: [] },
      NONE,
    );
    const v3 = assignItemKeys(
      [
        item(AgendaItemKind.OPENING),
        item(AgendaItemKind.OTHER, { title: 'Keynote' }),
        item(AgendaItemKind.CLOSING),
      ],
      { items: v2.items, removedItems: v2.removed },
      NONE,
    );
    expect(v3.items[1].key).toBe(keyOf(AgendaItemKind.OTHER));
    expect(v3.removed.map((i) => i.key)).not.toContain(keyOf(AgendaItemKind.OTHER));
    expect(v3.removed).toHaveLength(2);
  });

  it('follows the key sent with an edited item over any match, and refuses unknown or repeated keys', () => {
    const keynote = keyOf(AgendaItemKind.OTHER)!;
    const next = assignItemKeys(
      [item(AgendaItemKind.OTHER, { title: 'Opening address' }), item(AgendaItemKind.CLOSING)],
      { items: v1.items, removedItems: [] },
      NONE,
      [
        { kind: AgendaItemKind.BREAK, key: keynote },
        { kind: AgendaItemKind.OTHER, key: keynote },
        { kind: AgendaItemKind.CLOSING },
      ],
    );
    expect(next.items[0].key).toBe(keynote);
    expect(next.items[1].key).toBe(keyOf(AgendaItemKind.CLOSING));
    expect(() =>
      assignItemKeys([item(AgendaItemKind.OTHER)], { items: v1.items, removedItems: [] }, NONE, [
        { kind: AgendaItemKind.OTHER, key: 'nope' },
      ]),
    ).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'items.0.key' }) }),
    );
    expect(() =>
      assignItemKeys(
        [item(AgendaItemKind.OTHER), item(AgendaItemKind.OTHER, { title: 'B' })],
        { items: v1.items, removedItems: [] },
        NONE,
        [
          { kind: AgendaItemKind.BREAK },
          { kind: AgendaItemKind.OTHER, key: keynote },
          { kind: AgendaItemKind.OTHER, key: keynote },
        ],
      ),
    ).toThrow(
      // Named by its place among the items sent, breaks included.
      expect.objectContaining({ extensions: expect.objectContaining({ field: 'items.2.key' }) }),
    );
  });
});
