import { nonPublicTarget } from './webhook-target';

describe('nonPublicTarget (a webhook URL that names a private address outright)', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['http://10.0.0.8:8080/hook', '10.0.0.8'],
    ['http://[::1]:3000/hook', '::1'],
    ['http://[::ffff:192.168.1.1]/hook', '::ffff:c0a8:101'],
    ['http://localhost:4000/hook', 'localhost'],
    ['http://LOCALHOST./hook', 'localhost'],
    ['http://portal.localhost/hook', 'portal.localhost'],
  ])('given %s, then it names %s', (url, address) => {
    expect(nonPublicTarget(new URL(url))).toBe(address);
  });

  it.each([
    'https://203.113.131.1/hook',
    'https://portal.example.vn/hook',
    'https://localhost.example.vn/hook',
  ])('given %s, then it names no private address (names are left to DNS at delivery)', (url) => {
    expect(nonPublicTarget(new URL(url))).toBeUndefined();
  });
});
