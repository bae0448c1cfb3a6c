// Which webhook targets are on a private network, judged from the URL alone. The delivery guard
// (infrastructure/webhook-target-guard.ts) judges the address connected to, after DNS; registration uses
// this to refuse at once what no DNS answer can make public.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Only ordinary public unicast addresses: loopback, private, link-local, CGNAT, reserved… are refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process(): an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * The non-public address a URL names outright: an IP literal that is not public, or `localhost` and its
 * subdomains (loopback by RFC 6761). Undefined for any other name, which only DNS can judge.
 */
export function nonPublicTarget(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host) !== 0) return isPublicAddress(host) ? undefined : host;
  const name = host.replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? name : undefined;
}
