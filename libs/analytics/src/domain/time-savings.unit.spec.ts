import { decision766Indicators } from './decision-766';
import { summariseIi06a } from './ii06a';
import { boundsOf } from './periods';
import { reduction, durationInDays } from './reform-reduction';
import { distributionOf, percentile } from './statistics';
import { summariseTimeSavings, tripsOf } from './time-savings';
import { dossier } from './testing/dossier-history';

describe('days saved for citizens', () => {
  // Online, supplement handed in online, result electronic: baseline 2 + 1, actual 0.
  const online = dossier('O', '2025-03-03 07:00', { channel: 'online', onlineLevel: 'full' })
    .received('2025-03-03 07:30', '2025-03-04 07:30')
    .supplementRequested('2025-03-03 09:00')
    .supplementProvided('2025-03-03 10:00', '2025-03-04 08:30', 0.125, 'online')
    .resolved('2025-03-04 08:00', '2025-03-04 08:30', {
      workingDaysUsed: 1,
      beforeStatutoryDue: 2,
      electronic: true,
    });
  // Counter, collected at the counter, late against the statutory deadline by half a day: 2 trips, 0 avoided.
  const counter = dossier('K', '2025-03-03 07:00')
    .received('2025-03-03 07:30', '2025-03-04 07:30')
    .resolved('2025-03-07 11:30', '2025-03-04 07:30', { workingDaysUsed: 3.5, beforeStatutoryDue: -0.5 })
    .returned('2025-03-10 08:00', 'counter');
  // Counter submission, a supplement handed in at the counter, result by post: baseline 3, actual 2.
  const post = dossier('P', '2025-03-03 07:00')
    .received('2025-03-03 07:30', '2025-03-04 07:30')
    .supplementRequested('2025-03-03 09:00')
    .supplementProvided('2025-03-03 10:00', '2025-03-04 08:30', 0.125, 'counter')
    .resolved('2025-03-04 08:00', '2025-03-04 08:30', { workingDaysUsed: 1, beforeStatutoryDue: 2 })
    .returned('2025-03-04 09:00', 'post');

  it('counts trips against the in-person baseline', () => {
    expect(tripsOf(online.facts())).toEqual({ baseline: 3, actual: 0 });
    expect(tripsOf(counter.facts())).toEqual({ baseline: 2, actual: 2 });
    expect(tripsOf(post.facts())).toEqual({ baseline: 3, actual: 2 });
  });

  it('sums processing days saved (positive part and net), trips, travel days and money', () => {
    const facts = [online, counter, post].map((d) => d.facts());
    const figures = summariseTimeSavings(
      facts,
      () => true,
      (f) => (f.dossierId === 'O' ? 1.5 : 0.5),
      {
        hoursPerWorkingDay: 8,
        incomePerHour: 25_000,
      },
    );
    expect(figures).toEqual({
      resolved: 3,
      processingDaysSavedPositive: 4, // 2 + 0 + 2
      processingDaysSavedNet: 3.5, // 2 − 0.5 + 2
      tripsBaseline: 8,
      tripsActual: 4,
      tripsAvoided: 4,
      travelDaysSaved: 5, // 3 × 1.5 + 0 + 1 × 0.5
      money: 1_000_000, // 5 days × 8 h × 25,000 VND
    });
  });

  it('uses a fixed trip cost when the caller gives one, and no money figure without an income', () => {
    const figures = summariseTimeSavings(
      [online.facts()],
      () => true,
      () => 9,
      {
        tripCostDays: 1,
        hoursPerWorkingDay: 8,
      },
    );
    expect(figures.travelDaysSaved).toBe(3);
    expect(figures.money).toBeNull();
  });
});

describe('reform reduction', () => {
  it('gives statutory − committed in days and percent (3 → 1 working days = 2 days, 66.67%)', () => {
    const statutory = durationInDays({ unit: 'working-days', value: 3 });
    expect(reduction(statutory, durationInDays({ unit: 'working-days', value: 1 }))).toEqual({
      days: 2,
      percent: 66.67,
    });
    expect(reduction(statutory, 0.75)).toEqual({ days: 2.25, percent: 75 });
    expect(reduction(statutory, durationInDays({ unit: 'same-day' }))).toEqual({ days: 2, percent: 66.67 });
    expect(reduction(durationInDays({ unit: 'calendar-days', value: 15 }), 3)).toEqual({
      days: null,
      percent: null,
    });
  });
});

describe('statistics', () => {
  it('interpolates percentiles like percentile_cont', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(distributionOf([3, 1, 2])).toEqual({ count: 3, mean: 2, median: 2, p90: 2.8 });
    expect(distributionOf([])).toEqual({ count: 0, mean: null, median: null, p90: null });
  });
});

describe('Decision 766 indicators', () => {
  it('computes the shares from the period figures', () => {
    const facts = [
      dossier('X', '2025-03-03 07:00', { channel: 'online', onlineLevel: 'full', payment: true })
        .received('2025-03-03 07:30', '2025-03-05 07:30')
        .resolved('2025-03-04 08:00', '2025-03-05 07:30', {
          workingDaysUsed: 1,
          beforeStatutoryDue: 2,
          electronic: true,
        }),
      dossier('Y', '2025-03-03 07:00')
        .received('2025-03-03 07:30', '2025-03-04 07:30')
        .resolved('2025-03-06 08:00', '2025-03-04 07:30', { workingDaysUsed: 3, beforeStatutoryDue: 0 }),
    ].map((d) => d.facts());
    const ii06a = summariseIi06a(facts, boundsOf({ from: '2025-03-01', to: '2025-03-31' }));
    const indicators = decision766Indicators({
      ii06a,
      meanWorkingDaysByProcedure: [{ procedureCode: '1.004873', mean: 2, resolved: 2 }],
      proceduresWithOnlineDossiers: 1,
      proceduresWithDossiers: 1,
      receivedWithOnlinePayment: 1,
      resolvedElectronic: 1,
      ratings: 3,
      ratingSum: 13,
      ratingsSatisfied: 2,
    });
    const value = (code: string) => indicators.find((i) => i.code === code)?.value;
    expect(value('resolved-early-or-on-time-share')).toBe(50);
    expect(value('mean-processing-time:1.004873')).toBe(2);
    expect(value('online-dossier-share')).toBe(50);
    expect(value('services-with-online-dossiers')).toBe(100);
    expect(value('online-payment-share')).toBe(50);
    expect(value('electronic-result-share')).toBe(50);
    expect(value('satisfaction-mean')).toBe(4.33);
    expect(value('satisfaction-share')).toBe(66.67);
  });
});
