import { DOSSIER_EVENT_TYPES } from '../domain/dossier';
import { applicant } from '../domain/dossier/testing/fixtures';
import { sampleHistories } from './testing/dossier-histories';
import { describeEvent } from './timeline-labels';

describe('timeline labels', () => {
  const histories = sampleHistories();
  const events = histories.flatMap((history) => history.events);

  it('are exercised on every event type', () => {
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(DOSSIER_EVENT_TYPES));
  });

  it('give every event a Vietnamese and an English line', () => {
    for (const event of events) {
      const { label } = describeEvent(event);
      expect(label.vi.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
      expect(label.vi).not.toContain('undefined');
      expect(label.en).not.toContain('undefined');
    }
  });

  it('never repeat the applicant’s personal data or form data', () => {
    for (const event of events) {
      const text = JSON.stringify(describeEvent(event));
      for (const secret of [applicant.name, applicant.nationalId, applicant.phone!, applicant.email!]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toContain('intendedSpouse');
    }
  });

  it('show the appointment in local time as on form 01', () => {
    // Online: received when it was completed (08:30), due 1 working day later.
    const received = histories[0].events.find((event) => event.type === 'DossierReceived')!;
    expect(describeEvent(received).label).toEqual({
      vi: 'Tiếp nhận hồ sơ số 000.31.18.H56-260310-0001, hẹn trả kết quả lúc 08:30 11/03/2026 (mẫu 01)',
      en: 'Received as 000.31.18.H56-260310-0001; result appointment 08:30 11/03/2026 (form 01)',
    });
  });

  it('name the steps and the previous step’s timeliness on a hand-over', () => {
    const handedOver = histories[0].events.find((event) => event.type === 'DossierHandedOver')!;
    expect(describeEvent(handedOver).label.en).toBe(
      'Handed over from step "examine" to "sign" (SUBMIT_FOR_SIGNATURE; previous step on time)',
    );
  });

  it('do not throw on events with missing members (foreign writers)', () => {
    const odd = { type: 'DossierReceived', data: {} } as unknown as (typeof events)[number];
    expect(describeEvent(odd).label.en).toContain('?');
  });
});
