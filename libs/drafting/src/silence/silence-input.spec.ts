import { silenceReason } from './silence-input';
import { silenceDeadlineText } from './silence-deadline-text';

describe('silence procedure input', () => {
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
