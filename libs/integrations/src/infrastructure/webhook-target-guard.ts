// Keeps webhook deliveries off private networks (server-side request forgery): an integration could
// otherwise register http://169.254.169.254/… or an internal admin URL and have the engine POST to it.
// The check is made on the address the request connects to, after DNS, so a name that resolves to a
// private address (or is re-pointed there after registration) is refused too. Outside production the
// guard is off by default: integrators test with receivers on their own machine.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Only ordinary public unicast addresses: loopback, private, link-local, CGNAT, reserved… are refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process(): an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

export class PrivateTargetRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `webhook target ${host} resolves to ${address}, a non-public address (WEBHOOK_ALLOW_PRIVATE_TARGETS)`,
    );
  }
}

/** The refusal of a target whose host is an IP literal that is not public; undefined otherwise. */
export function refusedLiteral(url: URL): PrivateTargetRefused | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0 || isPublicAddress(host)) return undefined;
  return new PrivateTargetRefused(url.hostname, host);
}

/** A DNS lookup for http.request that fails when any address the name resolves to is not public. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new PrivateTargetRefused(hostname, refused.address), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    return callback(null, first.address, first.family);
  });
};
