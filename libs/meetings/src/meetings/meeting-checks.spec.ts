import { optionalText, requireSchedule, requireText, uniqueIds } from './meeting-checks';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  return null;
};

describe(requireSchedule.name, () => {
  it('wants the end after the start and a meeting of at most 31 days', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      fieldOf(() => requireSchedule(at('2026-01-02T09:00Z'), at('2026-01-02T17:00Z'))),
    ).toBeNull();
    expect(fieldOf(() => requireSchedule(at('2026-01-02T09:00Z'), at('2026-01-02T09:00Z')))).toBe(
      'endsAt',
    );
    expect(fieldOf(() => requireSchedule(at('2026-01-02T09:00Z'), at('2026-01-01T09:00Z')))).toBe(
      'endsAt',
    );
    expect(fieldOf(() => requireSchedule(at('2026-01-01T09:00Z'), at('2026-02-15T09:00Z')))).toBe(
      'endsAt',
    );
    expect(fieldOf(() => requireSchedule(new Date('nope'), at('2026-01-01T09:00Z')))).toBe(
      'startsAt',
    );
  });
});

describe(uniqueIds.name, () => {
  const id = '6f1c1d2e-8a3b-4c5d-9e6f-7a8b9c0d1e2f';
  it('keeps each valid id once, in order, and names a malformed one', () => {
    expect(uniqueIds([id, id], 'participantIds')).toEqual([id]);
    expect(fieldOf(() => uniqueIds([id, 'x'], 'participantIds'))).toBe('participantIds.1');
    expect(fieldOf(() => uniqueIds([], 'hostIds', { min: 1 }))).toBe('hostIds');
  });
});

describe(requireText.name, () => {
  it.each(['\r\n', '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029'])(
    'refuses a line break (%j) naming the field: it could start an iCalendar property',
    (lineBreak) => {
      expect(fieldOf(() => requireText(`Plenary${lineBreak}BEGIN:VEVENT`, 'title'))).toBe('title');
    },
  );

  it('keeps a single line, trimmed (a trailing newline is only whitespace)', () => {
    expect(requireText('  Fourth meeting; London, 2026 \n', 'title')).toBe(
      'Fourth meeting; London, 2026',
    );
  });

  it('refuses an empty text naming the field', () => {
    expect(fieldOf(() => requireText('  ', 'city'))).toBe('city');
  });
});

describe(optionalText.name, () => {
  it('is null when blank, and refuses line breaks naming the field', () => {
    expect(optionalText(null, 'venue')).toBeNull();
    expect(optionalText('  ', 'venue')).toBeNull();
    expect(fieldOf(() => optionalText('House\nX-INJECTED:1', 'venue'))).toBe('venue');
  });
});
