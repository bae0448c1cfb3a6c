// Rate limiting per client (@nestjs/throttler, in memory, per process): a client is the credential it
// presents (hashed, so the key never sits in memory as such), else its IP address; every IP address also
// has a limit ten times the client's, so made-up credentials do not open fresh buckets. It runs before
// authentication, so floods of bad tokens are limited too. The citizen lookup has its own stricter limit per
// IP address: it checks a phone number or national ID against a dossier code, which must not be guessable
// by brute force. Over the limit → 429 problem document with Retry-After.
import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { HttpLimitsConfig } from '../config/app-config';

export const LOOKUP_THROTTLE = 'tthc:lookup-throttle';
/** Marks the routes the citizen lookup limit applies to. */
export const LookupRateLimit = () => SetMetadata(LOOKUP_THROTTLE, true);
/** Probes and scrapes are never limited. */
export const NOT_THROTTLED = 'tthc:not-throttled';
export const NotRateLimited = () => SetMetadata(NOT_THROTTLED, true);

const reflector = new Reflector();
const marked = (context: ExecutionContext, key: string) =>
  reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) === true;

type TrackedRequest = { headers: Record<string, string | string[] | undefined>; ip?: string };

function clientOf(request: TrackedRequest): string {
  const credential = request.headers.authorization ?? request.headers['x-api-key'];
  const text = Array.isArray(credential) ? credential[0] : credential;
  if (text) return 'credential:' + createHash('sha256').update(text).digest('base64url').slice(0, 22);
  return 'ip:' + (request.ip ?? 'unknown');
}

export function throttlers(limits: HttpLimitsConfig): ThrottlerOptions[] {
  return [
    {
      // `default`: its headers carry no suffix (Retry-After, X-RateLimit-Limit, …).
      name: 'default',
      limit: limits.rateLimit,
      ttl: limits.rateLimitWindowMs,
      skipIf: (context) => marked(context, NOT_THROTTLED),
    },
    {
      // Also per IP address, ten times looser: a client cannot escape its limit by sending a different
      // made-up credential with every request (the limit runs before authentication).
      name: 'address',
      limit: limits.rateLimit * 10,
      ttl: limits.rateLimitWindowMs,
      skipIf: (context) => marked(context, NOT_THROTTLED),
      getTracker: (request: Record<string, unknown>) => 'ip:' + String(request.ip ?? 'unknown'),
    },
    {
      name: 'lookup',
      limit: limits.lookupRateLimit,
      ttl: limits.rateLimitWindowMs,
      skipIf: (context) => !marked(context, LOOKUP_THROTTLE),
      getTracker: (request: Record<string, unknown>) => 'ip:' + String(request.ip ?? 'unknown'),
    },
  ];
}

@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return clientOf(request as TrackedRequest);
  }

  /** Retry-After on every 429, also when the lookup limit (whose own header has a suffix) refused it. */
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const reply = context.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>();
    reply.header('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    return super.throwThrottlingException(context, detail);
  }

  protected override async getErrorMessage(): Promise<string> {
    return 'Too many requests from this client; retry after the time in Retry-After.';
  }
}
