import { decision766Indicators } from './decision-766';
import { summariseIi06a } from './ii06a';
import { boundsOf } from './periods';
import { reduction, durationInDays } from './reform-reduction';
import { distributionOf, percentile } from './statistics';
import { summariseTimeSavings, TIME_SAVINGS_METHOD, tripCostDaysOf, tripsOf } from './time-savings';
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

  it('counts a trip for each step at the counter only: a supplement by post needs no trip', () => {
    // Given a counter submission, one supplement sent by post and one handed in at the counter, the result
    // sent by post: baseline 2 + 2 rounds; actual = the submission + the counter supplement.
    const byPost = dossier('B', '2025-03-03 07:00')
      .received('2025-03-03 07:30', '2025-03-05 07:30')
      .supplementRequested('2025-03-03 09:00', 1)
      .supplementProvided('2025-03-04 10:00', '2025-03-06 08:30', 1, 'post')
      .supplementRequested('2025-03-05 09:00', 2)
      .supplementProvided('2025-03-06 10:00', '2025-03-07 08:30', 1, 'counter')
      .resolved('2025-03-07 08:00', '2025-03-07 08:30', { workingDaysUsed: 2, beforeStatutoryDue: 1 })
      .returned('2025-03-07 09:00', 'post');
    // When the trips are counted, then only the counter steps are trips.
    expect(byPost.facts().inPersonSupplements).toBe(1);
    expect(tripsOf(byPost.facts())).toEqual({ baseline: 4, actual: 2 });
    // A post submission with a post supplement and an electronic result: no trip at all.
    const allPost = dossier('C', '2025-03-03 07:00', { channel: 'post' })
      .received('2025-03-03 07:30', '2025-03-05 07:30')
      .supplementRequested('2025-03-03 09:00')
      .supplementProvided('2025-03-04 10:00', '2025-03-06 08:30', 1, 'post')
      .resolved('2025-03-06 08:00', '2025-03-06 08:30', {
        workingDaysUsed: 2,
        beforeStatutoryDue: 1,
        electronic: true,
      });
    expect(tripsOf(allPost.facts())).toEqual({ baseline: 3, actual: 0 });
  });

  it('takes the trip cost from the caller, else the procedure for the locality, else the defaults', () => {
    const facts = dossier('L', '2025-03-03 07:00', { agency: '000.35.18.H56' }).facts();
    const procedure = { defaultDays: 0.5, byLocality: { '000.35.18.H56': 1.25 } };
    expect(tripCostDaysOf(facts, { procedure, agencyDefaultDays: 2 }, 3)).toBe(3);
    expect(tripCostDaysOf(facts, { procedure, agencyDefaultDays: 2 })).toBe(1.25);
    expect(tripCostDaysOf(facts, { procedure: { defaultDays: 0.5 }, agencyDefaultDays: 2 })).toBe(0.5);
    expect(tripCostDaysOf(facts, { agencyDefaultDays: 2 })).toBe(2);
    expect(tripCostDaysOf(facts, {})).toBe(1);
  });

  it('looks the trip cost up for the applicant’s commune when the submission gave it, not the agency’s', () => {
    // Received by the district, from a citizen of a remote commune whose trips cost 1.25 days.
    const procedure = { defaultDays: 0.5, byLocality: { '000.35.18.H56': 1.25 } };
    const remote = dossier('R', '2025-03-03 07:00', { agency: '000.00.18.H56', locality: '000.35.18.H56' });
    const unknown = dossier('U', '2025-03-03 07:00', { agency: '000.00.18.H56' });
    expect(tripCostDaysOf(remote.facts(), { procedure, agencyDefaultDays: 2 })).toBe(1.25);
    expect(tripCostDaysOf(unknown.facts(), { procedure, agencyDefaultDays: 2 })).toBe(0.5);
  });

  it('states the trip-cost precedence in the method exactly as the code applies it', () => {
    expect(TIME_SAVINGS_METHOD.travelDaysSaved).toBe(
      'Σ trips avoided × trip cost in days; the trip cost of a dossier is the tripCostDays parameter when given, ' +
        'else the procedure version’s cost for the locality (the applicant’s commune when the submission gave ' +
        'its unit code, else the dossier’s agency), else the procedure version’s default cost, else the agency’s default, ' +
        'else 1 day.',
    );
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
  it('computes each share over the decision’s own denominator', () => {
    // Given March: X online, resolved early; Y at the counter, resolved late; Z refused after its deadline;
    // W withdrawn before it; V still in progress and not yet due at the end of March.
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
      dossier('Z', '2025-03-03 07:00')
        .received('2025-03-03 07:30', '2025-03-04 07:30')
        .refused('2025-03-06 08:00'),
      dossier('W', '2025-03-03 07:00')
        .received('2025-03-03 07:30', '2025-03-04 07:30')
        .withdrawn('2025-03-03 09:00'),
      dossier('V', '2025-03-28 07:00').received('2025-03-28 07:30', '2025-04-04 07:30'),
    ].map((d) => d.facts());
    const ii06a = summariseIi06a(facts, boundsOf({ from: '2025-03-01', to: '2025-03-31' }));
    const indicators = decision766Indicators({
      ii06a,
      meanWorkingDaysByProcedure: [{ procedureCode: '1.004873', mean: 2, resolved: 2 }],
      onlineServices: 4,
      onlineServicesWithOnlineDossiers: 1,
      receivedWithOnlinePayment: 1,
      receivedWithFee: 4,
      receivedWithElectronicResult: 1,
      ratings: 3,
      ratingSum: 13,
      ratingsSatisfied: 2,
    });
    const value = (code: string) => indicators.find((i) => i.code === code)?.value;
    // 2.1: X (early), W (withdrawn in time), V (not yet due) of the 5 received or in process.
    expect(value('resolved-early-or-on-time-share')).toBe(60);
    expect(value('mean-processing-time:1.004873')).toBe(2);
    expect(value('online-dossier-share')).toBe(20); // 3.3: 1 of 5 received
    expect(value('services-with-online-dossiers')).toBe(25); // 3.2: 1 of the 4 services offered online
    expect(value('online-payment-share')).toBe(25); // 3.6: 1 of the 4 dossiers charged a fee
    expect(value('electronic-result-share')).toBe(20); // 4.1: 1 of 5 received
    expect(value('satisfaction-mean')).toBe(4.33);
    expect(value('satisfaction-share')).toBe(66.67);
    expect(indicators.find((i) => i.code === 'resolved-early-or-on-time-share')?.source).toBe(
      'Decision 766/QĐ-TTg 2.1',
    );
  });
});
