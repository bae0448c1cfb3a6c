import { boundsOf, bucketOf, seriesPeriods } from './periods';

describe('reporting periods', () => {
  it('runs from local midnight to local midnight after the last day (UTC+07:00)', () => {
    const { startMs, endMs } = boundsOf({ from: '2025-03-01', to: '2025-03-31' });
    expect(new Date(startMs).toISOString()).toBe('2025-02-28T17:00:00.000Z');
    expect(new Date(endMs).toISOString()).toBe('2025-03-31T17:00:00.000Z');
  });

  it('refuses a period that ends before it starts, and a date that does not exist', () => {
    expect(() => boundsOf({ from: '2025-03-02', to: '2025-03-01' })).toThrow('ends');
    expect(() => boundsOf({ from: '2025-02-30', to: '2025-03-01' })).toThrow('not a date');
  });

  it('cuts calendar months, quarters and years', () => {
    expect(bucketOf('2025-02-14', 'month', 'calendar')).toEqual({
      label: '2025-02',
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(bucketOf('2024-02-14', 'month', 'calendar').to).toBe('2024-02-29');
    expect(bucketOf('2025-05-20', 'quarter', 'calendar')).toEqual({
      label: '2025-Q2',
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(bucketOf('2025-05-20', 'year', 'calendar')).toEqual({
      label: '2025',
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('cuts at the 15th: the month M runs from the 15th of M−1 to the 14th of M', () => {
    expect(bucketOf('2025-01-14', 'month', 'cutoff-15')).toEqual({
      label: '2025-01',
      from: '2024-12-15',
      to: '2025-01-14',
    });
    expect(bucketOf('2025-01-15', 'month', 'cutoff-15')).toEqual({
      label: '2025-02',
      from: '2025-01-15',
      to: '2025-02-14',
    });
    expect(bucketOf('2024-12-20', 'year', 'cutoff-15')).toEqual({
      label: '2025',
      from: '2024-12-15',
      to: '2025-12-14',
    });
    expect(bucketOf('2025-03-20', 'quarter', 'cutoff-15')).toEqual({
      label: '2025-Q2',
      from: '2025-03-15',
      to: '2025-06-14',
    });
  });

  it('covers a range with clipped buckets, in order, without gaps or overlaps', () => {
    const months = seriesPeriods({ from: '2019-01-01', to: '2019-11-30' }, 'month', 'calendar');
    expect(months).toHaveLength(11);
    expect(months[0]).toEqual({ label: '2019-01', from: '2019-01-01', to: '2019-01-31' });
    expect(months[10]).toEqual({ label: '2019-11', from: '2019-11-01', to: '2019-11-30' });
    const cut = seriesPeriods({ from: '2025-01-01', to: '2025-03-31' }, 'month', 'cutoff-15');
    expect(cut.map((p) => [p.label, p.from, p.to])).toEqual([
      ['2025-01', '2025-01-01', '2025-01-14'],
      ['2025-02', '2025-01-15', '2025-02-14'],
      ['2025-03', '2025-02-15', '2025-03-14'],
      ['2025-04', '2025-03-15', '2025-03-31'],
    ]);
  });
});
