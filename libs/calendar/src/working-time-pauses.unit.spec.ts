import { InvalidCalendarInput } from './calendar-errors';
import { fromLocalDateTime, localInstant, MS_PER_DAY, MS_PER_MINUTE, toLocalDateTime } from './local-time';
import { OFFICIAL_CALENDAR_2025 } from './official-calendar-2025';
import { OFFICIAL_CALENDAR_2026 } from './official-calendar-2026';
import type { PausedInterval, ProcessingDuration } from './processing-time';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar({ officialYears: [OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026] });
const at = (dateTime: string): Date => localInstant(dateTime.slice(0, 10), dateTime.slice(11));
const local = (instant: Date | null): string | null => {
  if (instant === null) return null;
  const { date, minuteOfDay } = toLocalDateTime(instant);
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${date} ${pad(minuteOfDay / 60)}:${pad(minuteOfDay % 60)}`;
};
const workingDays = (value: number): ProcessingDuration => ({ unit: 'working-days', value });
const paused = (from: string, to?: string): PausedInterval => ({ from: at(from), to: to ? at(to) : null });

/** mulberry32: a tiny seeded generator, so the property runs are reproducible without extra packages. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('paused intervals and elapsed working time', () => {
  const start = at('2026-03-09 10:00');

  describe('given 3 working days from Monday 09/03/2026 10:00 (due Thursday 10:00)', () => {
    it('when a supplement pause covers Tuesday 14:00 to Wednesday 09:00, then the deadline moves by exactly that working time', () => {
      const pauses = [paused('2026-03-10 14:00', '2026-03-11 09:00')];
      // Paused working time: Tuesday 14:00-16:30 (150 min) + Wednesday 07:30-09:00 (90 min) = 0.5 day.
      expect(calendar.workingTimeBetween(at('2026-03-10 14:00'), at('2026-03-11 09:00'))).toBe(0.5);
      const due = calendar.addWorkingTime(start, workingDays(3), { pauses });
      expect(local(due)).toBe('2026-03-12 15:00');
      expect(calendar.workingTimeBetween(start, due!, pauses)).toBe(3);
    });

    it('when a pause only covers the weekend or the lunch break, then nothing moves', () => {
      const pauses = [
        paused('2026-03-07 08:00', '2026-03-08 18:00'),
        paused('2026-03-10 12:00', '2026-03-10 13:00'),
      ];
      expect(local(calendar.addWorkingTime(start, workingDays(3), { pauses }))).toBe('2026-03-12 10:00');
    });

    it('when pauses overlap each other, then the overlap is not counted twice', () => {
      // Tuesday 08:00-11:00 is 180 paused minutes, not 240.
      const pauses = [
        paused('2026-03-10 08:00', '2026-03-10 10:00'),
        paused('2026-03-10 09:00', '2026-03-10 11:00'),
      ];
      expect(local(calendar.addWorkingTime(start, workingDays(3), { pauses }))).toBe('2026-03-12 14:00');
    });

    it('when a pause is still open, then there is no deadline until the clock resumes', () => {
      expect(
        calendar.addWorkingTime(start, workingDays(3), { pauses: [paused('2026-03-10 14:00')] }),
      ).toBeNull();
    });

    it('when the open pause starts only after the deadline, then the deadline stands', () => {
      const due = calendar.addWorkingTime(start, workingDays(3), { pauses: [paused('2026-03-13 08:00')] });
      expect(local(due)).toBe('2026-03-12 10:00');
    });

    it('when measuring across an open pause, then only the time before it counts', () => {
      // Monday 10:00-16:30 (330 min) + Tuesday 07:30-14:00 (330 min) = 660 min = 1.375 days.
      expect(calendar.workingTimeBetween(start, at('2026-03-13 10:00'), [paused('2026-03-10 14:00')])).toBe(
        1.375,
      );
    });

    it('when the deadline has passed, then the working time left is negative', () => {
      expect(calendar.workingTimeBetween(at('2026-03-12 13:00'), at('2026-03-12 10:00'))).toBe(-0.25);
    });

    it('when the mode is END_OF_NTH_WORKING_DAY, then a full-day pause pushes the deadline by a day', () => {
      const pauses = [paused('2026-03-10 10:00', '2026-03-11 10:00')];
      const options = { mode: 'END_OF_NTH_WORKING_DAY', pauses } as const;
      expect(local(calendar.addWorkingTime(start, workingDays(1), options))).toBe('2026-03-11 16:30');
    });

    it('when a same-day procedure is paused for half an hour, then it spills into the next morning', () => {
      const pauses = [paused('2026-03-09 11:00', '2026-03-09 11:30')];
      expect(local(calendar.addWorkingTime(start, { unit: 'same-day' }, { pauses }))).toBe(
        '2026-03-10 08:00',
      );
    });

    it('when a calendar-day procedure is paused for two days, then its deadline moves two days', () => {
      const pauses = [paused('2026-03-11 10:00', '2026-03-13 10:00')];
      const due = calendar.addWorkingTime(start, { unit: 'calendar-days', value: 7 }, { pauses });
      expect(local(due)).toBe('2026-03-18 10:00');
      const stillPaused = [paused('2026-03-11 10:00')];
      expect(
        calendar.addWorkingTime(start, { unit: 'calendar-days', value: 7 }, { pauses: stillPaused }),
      ).toBeNull();
    });

    it('when a pause ends before it starts, then it is rejected', () => {
      const pauses = [paused('2026-03-11 10:00', '2026-03-10 10:00')];
      expect(() => calendar.addWorkingTime(start, workingDays(1), { pauses })).toThrow(InvalidCalendarInput);
    });
  });

  describe('given many random starts, durations and pauses (fixed seed)', () => {
    const random = seededRandom(20260213);
    const from = at('2025-01-01 00:00').getTime();
    const span = at('2026-10-31 00:00').getTime() - from;
    const dayMs = calendar.workingDayMinutes * MS_PER_MINUTE;

    it('when a deadline is computed, then workingTimeBetween gives the duration back and the deadline is the earliest such instant', () => {
      for (let run = 0; run < 600; run += 1) {
        const start = new Date(from + Math.floor(random() * span));
        const value = Math.round(random() * 15 * 1000) / 1000;
        const pauses: PausedInterval[] = [];
        for (let i = Math.floor(random() * 3); i > 0; i -= 1) {
          const pauseFrom = start.getTime() + Math.floor(random() * 20 * MS_PER_DAY);
          pauses.push({
            from: new Date(pauseFrom),
            to: new Date(pauseFrom + Math.floor(random() * 5 * MS_PER_DAY)),
          });
        }
        const due = calendar.addWorkingTime(start, workingDays(value), { pauses });
        if (due === null) throw new Error('closed pauses never stop the clock');
        const context = `start ${start.toISOString()} value ${value} pauses ${JSON.stringify(pauses)}`;
        expect([context, due.getTime() >= start.getTime()]).toEqual([context, true]);
        expect([context, calendar.workingTimeBetween(start, due, pauses)]).toEqual([
          context,
          expect.closeTo(value, 6),
        ]);
        if (value > 0) {
          const lastMillisecond =
            calendar.workingTimeBetween(new Date(due.getTime() - 1), due, pauses) * dayMs;
          expect([context, lastMillisecond]).toEqual([context, expect.closeTo(1, 6)]);
        }
      }
    });

    it('when N whole days start strictly inside a working period, then the deadline is the same clock time N working days later', () => {
      for (let run = 0; run < 300; run += 1) {
        let date = '2025-01-02';
        for (let skip = Math.floor(random() * 450); skip > 0; skip -= 1) date = calendar.nextWorkingDay(date);
        // Strictly inside 07:30-12:00 or 13:00-16:30: an exact period start would land at the previous end.
        const minute = random() < 0.5 ? 451 + Math.floor(random() * 269) : 781 + Math.floor(random() * 209);
        const start = fromLocalDateTime(date, minute);
        const days = 1 + Math.floor(random() * 10);
        let expectedDate = date;
        for (let i = 0; i < days; i += 1) expectedDate = calendar.nextWorkingDay(expectedDate);
        const due = calendar.addWorkingTime(start, workingDays(days));
        expect([date, minute, days, toLocalDateTime(due!)]).toEqual([
          date,
          minute,
          days,
          { date: expectedDate, minuteOfDay: minute },
        ]);
      }
    });

    it('when END_OF_NTH_WORKING_DAY is used, then the deadline is 16:30 on a working day and never earlier than WORKING_HOURS', () => {
      for (let run = 0; run < 300; run += 1) {
        const start = new Date(from + Math.floor(random() * span));
        const value = Math.round(random() * 10 * 4) / 4;
        const endOfDay = calendar.addWorkingTime(start, workingDays(value), {
          mode: 'END_OF_NTH_WORKING_DAY',
        })!;
        const workingHours = calendar.addWorkingTime(start, workingDays(value))!;
        const { date, minuteOfDay } = toLocalDateTime(endOfDay);
        expect([start.toISOString(), value, minuteOfDay, calendar.isWorkingDay(date)]).toEqual([
          start.toISOString(),
          value,
          990,
          true,
        ]);
        expect(endOfDay.getTime()).toBeGreaterThanOrEqual(workingHours.getTime());
      }
    });
  });
});
