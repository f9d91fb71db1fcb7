import { AgendaItemKind } from '@accord/common';
import { EditedItem, keepEditedTimes, planFromEdits } from './agenda-edit';

const meeting = {
  timezone: 'Europe/Paris',
  startsAt: new Date('2026-05-12T07:00:00Z'), // 09:00–17:00 CEST
  endsAt: new Date('2026-05-12T15:00:00Z'),
};
const edited = (overrides: Partial<EditedItem> = {}): EditedItem => ({
  kind: AgendaItemKind.OTHER,
  title: 'Item',
  subItem: false,
  clauseIds: [],
  participantIds: [],
  ...overrides,
});
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  return null;
};

describe(planFromEdits.name, () => {
  it('takes minutes, else the length the item had, else its kind’s usual length; drops breaks', () => {
    const plan = planFromEdits([
      edited({ kind: AgendaItemKind.OPENING, title: ' Welcome ' }),
      edited({ minutes: 45 }),
      edited({ kind: AgendaItemKind.BREAK, title: 'Coffee' }),
      edited({
        subItem: true,
        startsAt: new Date('2026-05-12T08:00:00Z'),
        endsAt: new Date('2026-05-12T08:25:00Z'),
      }),
    ]);
    expect(plan.map((i) => [i.title, i.level, i.minutes])).toEqual([
      ['Welcome', 1, 10],
      ['Item', 1, 45],
      ['Item', 2, 25],
    ]);
  });

  it('names the field of an item that cannot be', () => {
    expect(fieldOf(() => planFromEdits([edited({ subItem: true })]))).toBe('items.0.subItem');
    expect(
      fieldOf(() =>
        planFromEdits([edited(), edited({ kind: AgendaItemKind.BREAK, subItem: true })]),
      ),
    ).toBe('items.1.subItem');
    expect(fieldOf(() => planFromEdits([edited({ clauseIds: ['c'] })]))).toBe('items.0.documentId');
    expect(fieldOf(() => planFromEdits([edited(), edited({ title: '  ' })]))).toBe('items.1.title');
  });
});

describe(keepEditedTimes.name, () => {
  const at = (hhmm: string) => new Date(`2026-05-12T${hhmm}:00+02:00`);

  it('keeps the times given, numbering items and leaving breaks unnumbered', () => {
    const items = keepEditedTimes(
      [
        edited({ title: 'A', startsAt: at('09:00'), endsAt: at('10:00') }),
        edited({
          kind: AgendaItemKind.BREAK,
          title: 'Pause',
          startsAt: at('10:00'),
          endsAt: at('10:20'),
        }),
        edited({ title: 'A.1', subItem: true, startsAt: at('10:20'), endsAt: at('11:00') }),
        edited({ title: 'B', startsAt: at('16:00'), endsAt: at('17:00') }),
      ],
      meeting,
    );
    expect(items.map((i) => [i.number, i.startsAt])).toEqual([
      ['1', '2026-05-12T07:00:00.000Z'],
      ['', '2026-05-12T08:00:00.000Z'],
      ['1.1', '2026-05-12T08:20:00.000Z'],
      ['2', '2026-05-12T14:00:00.000Z'],
    ]);
  });

  it('refuses missing, reversed, outside or overlapping times, naming the item', () => {
    const keep = (items: EditedItem[]) => fieldOf(() => keepEditedTimes(items, meeting));
    expect(keep([edited({ endsAt: at('10:00') })])).toBe('items.0.startsAt');
    expect(keep([edited({ startsAt: at('10:00') })])).toBe('items.0.endsAt');
    expect(keep([edited({ startsAt: at('10:00'), endsAt: at('09:00') })])).toBe('items.0.endsAt');
    expect(keep([edited({ startsAt: at('16:30'), endsAt: at('17:30') })])).toBe('items.0.startsAt');
    expect(
      keep([
        edited({ startsAt: at('09:00'), endsAt: at('10:00') }),
        edited({ startsAt: at('09:59'), endsAt: at('10:30') }),
      ]),
    ).toBe('items.1.startsAt');
  });
});
