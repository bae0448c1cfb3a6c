import { secretFromBytes, signDelivery, verifyDelivery } from './webhook-signature';

const secret = secretFromBytes(Buffer.alloc(32, 7));
const newer = secretFromBytes(Buffer.alloc(32, 9));
const body = '{"id":"e-1","type":"vn.tthc.dossier.received.v1"}';
const now = 1_800_000_000;

describe('webhook signatures (Standard Webhooks)', () => {
  it('given a signed delivery, when the receiver verifies it with the secret, then it is valid', () => {
    const headers = signDelivery([secret], 'e-1', now, body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifyDelivery([secret], headers, body, now + 10)).toEqual({
      valid: true,
      id: 'e-1',
      timestampSeconds: now,
    });
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the specification's test suite (standard-webhooks/libraries, python and js tests).
    const reference = signDelivery(
      ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(reference['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('given a tampered body, another id or another secret, then no signature matches', () => {
    const headers = signDelivery([secret], 'e-1', now, body);
    expect(verifyDelivery([secret], headers, body + ' ', now)).toMatchObject({ valid: false });
    expect(verifyDelivery([secret], { ...headers, 'webhook-id': 'e-2' }, body, now)).toEqual({
      valid: false,
      reason: 'no-matching-signature',
    });
    expect(verifyDelivery([newer], headers, body, now)).toMatchObject({ reason: 'no-matching-signature' });
  });

  it('given an old timestamp (a replayed capture), then it is refused even with a valid signature', () => {
    const headers = signDelivery([secret], 'e-1', now - 301, body);
    expect(verifyDelivery([secret], headers, body, now)).toEqual({
      valid: false,
      reason: 'timestamp-out-of-tolerance',
    });
    expect(verifyDelivery([secret], { 'webhook-id': 'e-1' }, body, now)).toMatchObject({
      reason: 'missing-headers',
    });
  });

  it('given a rotation in its grace period, then both the old and the new secret verify', () => {
    const headers = signDelivery([newer, secret], 'e-1', now, body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyDelivery([secret], headers, body, now)).toMatchObject({ valid: true });
    expect(verifyDelivery([newer], headers, body, now)).toMatchObject({ valid: true });
  });
});
