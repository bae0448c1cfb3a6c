import { readFileSync } from 'node:fs';
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

  it('draws ports below the kernel’s ephemeral range, which outgoing connections take their ports from', async () => {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(low);
    }
  });
});
