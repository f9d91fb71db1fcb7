import { layoutItems } from './agenda-layout';
import { meetingDays } from './meeting-days';

const day = meetingDays({
  timezone: 'Europe/London',
  startsAt: new Date('2026-07-01T08:00:00Z'), // 09:00 BST
  endsAt: new Date('2026-07-01T16:00:00Z'), // 17:00 BST
});
const hhmm = (slot: {
  start: { toFormat(f: string): string };
  end: { toFormat(f: string): string };
}) => `${slot.start.toFormat('HH:mm')}-${slot.end.toFormat('HH:mm')}`;

describe(layoutItems.name, () => {
  it('lays items back to back from the start of the day', () => {
    const layout = layoutItems([15, 5, 30], day)!;
    expect(layout.slots.map(hhmm)).toEqual(['09:00-09:15', '09:15-09:20', '09:20-09:50']);
    expect(layout.breaks).toEqual([]);
  });

  it('moves an item that would straddle a break to after it, and shows the break', () => {
    const layout = layoutItems([80, 20], day)!;
    expect(layout.slots.map(hhmm)).toEqual(['09:00-10:20', '10:45-11:05']);
    expect(layout.breaks.map((b) => b.title)).toEqual(['Coffee break']);
  });

  it('returns null when the items do not all fit', () => {
    expect(layoutItems([90, 105, 120, 75, 5], day)).toBeNull();
    expect(layoutItems([121], day)).toBeNull();
  });

  it('fills the day exactly', () => {
    expect(layoutItems([90, 105, 120, 75], day)!.breaks).toHaveLength(3);
  });
});
