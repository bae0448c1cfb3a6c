// Keeps webhook deliveries off private networks (server-side request forgery): an integration could
// otherwise register http://169.254.169.254/… or an internal admin URL and have the engine POST to it.
// The check is made on the address the request connects to, after DNS, so a name that resolves to a
// private address (or is re-pointed there after registration) is refused too. Outside production the
// guard is off by default: integrators test with receivers on their own machine.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress, nonPublicTarget } from '../domain/webhook-target';

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

/**
 * The refusal of a target whose URL names a non-public address outright (an IP literal, or localhost),
 * before any lookup; undefined otherwise.
 */
export function refusedLiteral(url: URL): PrivateTargetRefused | undefined {
  const address = nonPublicTarget(url);
  return address === undefined ? undefined : new PrivateTargetRefused(url.hostname, address);
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
