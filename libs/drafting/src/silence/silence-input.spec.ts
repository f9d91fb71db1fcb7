import { ErrorCode } from '@accord/common';
import { silenceReason, silenceTimezone } from './silence-input';
import { silenceDeadlineText } from './silence-deadline-text';

describe('silence procedure input', () => {
  it('accepts IANA time zones in their canonical spelling', () => {
    expect(silenceTimezone('europe/paris')).toBe('Europe/Paris');
    expect(silenceTimezone('UTC')).toBe('UTC');
  });

  it.each(['Mars/Olympus_Mons', 'GMT+25', '', 'x'.repeat(65)])(
    'refuses %j as a time zone',
    (zone) => {
      expect(() => silenceTimezone(zone)).toThrow(
        expect.objectContaining({
          code: ErrorCode.BAD_USER_INPUT,
          extensions: { field: 'timezone' },
        }),
      );
    },
  );

  it('trims a reason and refuses an empty or oversized one', () => {
    expect(silenceReason('  We object.\n')).toBe('We object.');
    for (const reason of [' \n ', 'x'.repeat(5001)]) {
      expect(() => silenceReason(reason)).toThrow(
        expect.objectContaining({ extensions: { field: 'reason' } }),
      );
    }
  });

  it('says a deadline as it was announced, with UTC beside it', () => {
    const deadline = new Date('2027-03-01T16:00:00Z');
    expect(silenceDeadlineText(deadline, 'Europe/Paris')).toBe(
      '1 March 2027, 17:00 Europe/Paris (1 March 2027, 16:00 UTC)',
    );
    expect(silenceDeadlineText(deadline, 'UTC')).toBe('1 March 2027, 16:00 UTC');
  });
});
