import { InvalidCalendarInput } from './calendar-errors';
import {
  addDays,
  calendarDaysBetween,
  fromLocalDateTime,
  isoWeekday,
  localInstant,
  parseClockTime,
  toLocalDate,
  toLocalDateTime,
} from './local-time';

describe('local time in Asia/Ho_Chi_Minh', () => {
  describe('given an instant', () => {
    it('when converted, then it is UTC+07:00 all year round (no daylight saving)', () => {
      expect(toLocalDateTime(new Date('2026-01-15T00:00:00Z'))).toEqual({
        date: '2026-01-15',
        minuteOfDay: 420,
      });
      expect(toLocalDateTime(new Date('2026-07-15T00:00:00Z'))).toEqual({
        date: '2026-07-15',
        minuteOfDay: 420,
      });
    });

    it('when it is 17:00 UTC or later, then it is already the next local date', () => {
      expect(toLocalDate(new Date('2026-02-12T16:59:59Z'))).toBe('2026-02-12');
      expect(toLocalDate(new Date('2026-02-12T17:00:00Z'))).toBe('2026-02-13');
    });

    it('when it has seconds, then the minute of day is fractional', () => {
      expect(toLocalDateTime(new Date('2026-02-13T03:00:30Z')).minuteOfDay).toBe(600.5);
    });

    it('when it is not a valid Date, then it is rejected', () => {
      expect(() => toLocalDate(new Date('nonsense'))).toThrow(InvalidCalendarInput);
    });
  });

  describe('given a local date and time', () => {
    it('when converted back, then the instant round-trips', () => {
      const instant = localInstant('2026-02-13', '10:00');
      expect(instant.toISOString()).toBe('2026-02-13T03:00:00.000Z');
      expect(fromLocalDateTime('2026-02-13', 600)).toEqual(instant);
      expect(toLocalDateTime(instant)).toEqual({ date: '2026-02-13', minuteOfDay: 600 });
    });

    it('when the date or clock time is malformed, then a typed error says so', () => {
      expect(() => localInstant('2026-02-30', '10:00')).toThrow(InvalidCalendarInput);
      expect(() => localInstant('13/02/2026', '10:00')).toThrow(InvalidCalendarInput);
      expect(() => parseClockTime('7:30')).toThrow(InvalidCalendarInput);
      expect(() => parseClockTime('24:30')).toThrow(InvalidCalendarInput);
      expect(parseClockTime('24:00')).toBe(1440);
    });
  });

  describe('given local dates', () => {
    it('when asked for weekdays and offsets, then ISO weekdays and month/year rollover are right', () => {
      expect(isoWeekday('2026-02-13')).toBe(5);
      expect(isoWeekday('2026-02-14')).toBe(6);
      expect(isoWeekday('2026-04-26')).toBe(7);
      expect(isoWeekday('2026-02-23')).toBe(1);
      expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
      expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    });

    it('when counting calendar days between instants, then local dates are compared, signed', () => {
      expect(
        calendarDaysBetween(localInstant('2026-02-13', '23:00'), localInstant('2026-02-14', '01:00')),
      ).toBe(1);
      expect(
        calendarDaysBetween(localInstant('2026-02-13', '01:00'), localInstant('2026-02-13', '23:00')),
      ).toBe(0);
      expect(
        calendarDaysBetween(localInstant('2026-02-23', '10:00'), localInstant('2026-02-13', '10:00')),
      ).toBe(-10);
    });
  });
});
