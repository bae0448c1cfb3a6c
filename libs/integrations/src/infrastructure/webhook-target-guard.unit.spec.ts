import { isPublicAddress } from '../domain/webhook-target';
import { publicOnlyLookup, refusedLiteral } from './webhook-target-guard';

describe('webhook target guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.9',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['203.113.131.1', '8.8.8.8', '2001:4860:4860::8888'])('allows the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses an IP literal in a URL, IPv6 in brackets too, and leaves names to the lookup', () => {
    expect(refusedLiteral(new URL('http://169.254.169.254/latest'))?.message).toContain('169.254.169.254');
    expect(refusedLiteral(new URL('http://[::1]:8080/x'))?.message).toContain('::1');
    expect(refusedLiteral(new URL('https://203.113.131.1/hook'))).toBeUndefined();
    expect(refusedLiteral(new URL('https://portal.example.vn/hook'))).toBeUndefined();
  });

  it('fails the lookup of a name that resolves to a loopback address', async () => {
    const error = await new Promise<Error | null>((resolve) =>
      publicOnlyLookup('localhost', {}, (e) => resolve(e)),
    );
    expect(error?.message).toMatch(/webhook target localhost resolves to .*non-public address/);
  });
});
