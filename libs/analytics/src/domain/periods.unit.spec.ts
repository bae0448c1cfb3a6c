import { boundsOf, bucketOf, periodOfLabel, seriesPeriods } from './periods';

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

  it('names the official reporting periods of Decree 09/2019/NĐ-CP Art. 12 (cut-off at the 14th)', () => {
    const period = (label: string) => {
      const p = periodOfLabel(label, 'cutoff-15');
      return [p.label, p.from, p.to];
    };
    // Monthly: the 15th of the month before to the 14th of the month.
    expect(period('2025-03')).toEqual(['2025-03', '2025-02-15', '2025-03-14']);
    expect(period('2025-01')).toEqual(['2025-01', '2024-12-15', '2025-01-14']);
    // Quarterly: the 15th of the month before the quarter to the 14th of its last month.
    expect(period('2025-Q1')).toEqual(['2025-Q1', '2024-12-15', '2025-03-14']);
    expect(period('2025-Q3')).toEqual(['2025-Q3', '2025-06-15', '2025-09-14']);
    // Six-monthly: 15 December of the year before to 14 June; 15 June to 14 December.
    expect(period('2025-H1')).toEqual(['2025-H1', '2024-12-15', '2025-06-14']);
    expect(period('2025-H2')).toEqual(['2025-H2', '2025-06-15', '2025-12-14']);
    // Yearly: 15 December of the year before to 14 December.
    expect(period('2025')).toEqual(['2025', '2024-12-15', '2025-12-14']);
  });

  it('keeps calendar periods as an option, and refuses a label that names no period', () => {
    expect(periodOfLabel('2024-02', 'calendar')).toEqual({
      label: '2024-02',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(periodOfLabel('2025-H2', 'calendar')).toEqual({
      label: '2025-H2',
      from: '2025-07-01',
      to: '2025-12-31',
    });
    expect(periodOfLabel('2025', 'calendar')).toEqual({
      label: '2025',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(bucketOf('2025-08-20', 'half', 'calendar').label).toBe('2025-H2');
    for (const label of ['2025-13', '2025-Q5', '2025-H3', '25-01', '2025-1']) {
      expect(() => periodOfLabel(label, 'calendar')).toThrow('not a reporting period');
    }
  });
});
