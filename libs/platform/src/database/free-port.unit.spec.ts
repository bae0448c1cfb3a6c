import { freePort } from './embedded-postgres';

describe('freePort', () => {
  it('never gives a port it is told to avoid (one promised to a server that is not listening yet)', async () => {
    const promised = await freePort();
    const others = await Promise.all(Array.from({ length: 20 }, () => freePort([promised])));
    expect(others).not.toContain(promised);
    for (const port of others) {
      expect(port).toBeGreaterThan(0);
      expect(port).toBeLessThan(65536);
    }
  });
});
