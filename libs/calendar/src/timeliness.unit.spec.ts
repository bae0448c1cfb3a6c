import { localInstant } from './local-time';
import { compareTimeliness } from './timeliness';

const at = (dateTime: string): Date => localInstant(dateTime.slice(0, 10), dateTime.slice(11));

describe('compareTimeliness', () => {
  describe('given a dossier due Monday 23/02/2026 10:00', () => {
    const due = at('2026-02-23 10:00');

    it.each([
      ['Friday 13/02', '2026-02-13 16:00', 'early'],
      ['the same morning, earlier', '2026-02-23 09:59', 'on-time'],
      ['the same afternoon, later', '2026-02-23 16:00', 'on-time'],
      ['at 23:30 local (16:30 UTC, still the 23rd)', '2026-02-23 23:30', 'on-time'],
      ['at 00:10 local on the 24th (still the 23rd in UTC)', '2026-02-24 00:10', 'late'],
      ['the next day', '2026-02-24 08:00', 'late'],
    ])('when resolved %s, then at day granularity it is %s', (_when, resolved, expected) => {
      expect(compareTimeliness(at(resolved), due)).toBe(expected);
      expect(compareTimeliness(at(resolved), due, 'day')).toBe(expected);
    });

    it.each([
      ['one minute before', '2026-02-23 09:59', 'early'],
      ['in the due minute', '2026-02-23 10:00', 'on-time'],
      ['one minute after', '2026-02-23 10:01', 'late'],
    ])('when resolved %s, then at minute granularity it is %s', (_when, resolved, expected) => {
      expect(compareTimeliness(at(resolved), due, 'minute')).toBe(expected);
    });

    it('when resolved 45 seconds into the due minute, then it is still on time at minute granularity', () => {
      expect(compareTimeliness(new Date(due.getTime() + 45_000), due, 'minute')).toBe('on-time');
    });
  });
});
