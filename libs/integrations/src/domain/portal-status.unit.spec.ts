import { matches } from './webhook-subscription';
import { DEFAULT_PORTAL_STATUS_BY_EVENT, portalStatusOf } from './portal-status';

describe('portal status mapping', () => {
  it('given the default mapping, then lifecycle events map to the portal codes with both labels', () => {
    expect(portalStatusOf({ type: 'DossierReceived', data: {} })).toEqual({
      code: '2',
      vi: 'Đã tiếp nhận',
      en: 'Received',
    });
    expect(portalStatusOf({ type: 'ResultReturned', data: {} })?.code).toBe('10');
    expect(portalStatusOf({ type: 'DossierRated', data: {} })).toBeNull();
  });

  it('given an interval for financial obligations, then the portal hears about it as such', () => {
    expect(
      portalStatusOf({ type: 'ExcludedIntervalStarted', data: { kind: 'financial-obligation' } })?.code,
    ).toBe('6');
    expect(portalStatusOf({ type: 'ExcludedIntervalStarted', data: { kind: 'site-inspection' } })?.code).toBe(
      '4',
    );
  });

  it('given an integration override, then its codes win and null silences an event', () => {
    const override = { DossierReceived: 'TIEP_NHAN', DossierApproved: null };
    expect(portalStatusOf({ type: 'DossierReceived', data: {} }, override)).toEqual({ code: 'TIEP_NHAN' });
    expect(portalStatusOf({ type: 'DossierApproved', data: {} }, override)).toBeNull();
    expect(portalStatusOf({ type: 'ResultIssued', data: {} }, override)?.code).toBe('9');
  });

  it('covers every dossier event type', () => {
    expect(Object.keys(DEFAULT_PORTAL_STATUS_BY_EVENT)).toHaveLength(20);
  });
});

describe('subscription filter', () => {
  const event = { type: 'DossierReceived', procedureCode: '1.004873', agencyCode: '000.31.18.H56' };
  it('matches by procedure, by agency and by chosen event types', () => {
    expect(matches({ procedureCode: '1.004873', agencyCode: null, eventTypes: [] }, event)).toBe(true);
    expect(
      matches({ procedureCode: null, agencyCode: '000.31.18.H56', eventTypes: ['DossierReceived'] }, event),
    ).toBe(true);
    expect(matches({ procedureCode: '2.000001', agencyCode: null, eventTypes: [] }, event)).toBe(false);
    expect(matches({ procedureCode: null, agencyCode: null, eventTypes: ['ResultIssued'] }, event)).toBe(
      false,
    );
  });
});
