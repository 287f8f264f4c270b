import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import { BeaconMetrics } from '../metrics/beacon-metrics';
import { ROLES_OF, type Access } from './access.decorators';
import { presentedKey } from './api-key';
import { ApiKeys } from './api-keys';
import { FailedAuthentications } from './failed-authentications';
import { LiveTickets, type TicketCheck } from './live-tickets';
import { ANONYMOUS_READER, type Principal } from './principal';

/**
 * Where a route takes credentials besides the headers: the key as `?key=` (or the last path segment),
 * and a live ticket as `?ticket=`, checked as a stream opens (`open`) or while it stays open (`recheck`).
 */
export interface Credentials {
  keyInQuery?: boolean;
  ticket?: TicketCheck | null;
}

/**
 * Who is calling and whether they may: the key a request presents, checked against the access a
 * route declares. Shared by the guard in front of every Nest route and by the Fastify-native
 * ping route (decision 018), so both answer 401 and 403 alike.
 */
@Injectable()
export class CallerIdentification {
  private readonly failures: FailedAuthentications;

  constructor(
    private readonly keys: ApiKeys,
    private readonly tickets: LiveTickets,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
    private readonly metrics: BeaconMetrics,
  ) {
    this.failures = new FailedAuthentications(config.authFailuresPerMinute);
  }

  /**
   * The caller of a non-public route, or an ApiError (401 without a valid key, 403 when the key's
   * role may not do this). A promise only when the key was not seen before.
   */
  principalFor(request: FastifyRequest, access: Exclude<Access, 'public'>, credentials: Credentials = {}): Principal | Promise<Principal> {
    const key = credentials.keyInQuery
      ? presentedKey(request.headers, request.query as Record<string, unknown>, request.params as Record<string, unknown>)
      : presentedKey(request.headers);
    if (key === null) {
      const ticket = credentials.ticket ? (request.query as Record<string, unknown> | undefined)?.['ticket'] : undefined;
      if (typeof ticket === 'string' && credentials.ticket) return this.ticketHolder(request, ticket, credentials.ticket, access);
      if (access === 'read' && !this.config.auth) return ANONYMOUS_READER;
      throw new ApiError('unauthorized', 'an API key is required (Authorization: Bearer <key>)');
    }
    const known = this.keys.knownPrincipal(key);
    if (known) return permitted(known, access);
    // Before any lookup: an address that presented too many invalid keys waits, unless it sends a key
    // that was valid at its last lookup (a NAT shared with whoever sent the invalid ones).
    const address = request.ip;
    const wait = this.keys.dueForRecheck(key) ? 0 : this.failures.blockedFor(address);
    if (wait > 0) {
      this.metrics.authFailuresLimited.inc();
      throw new ApiError('rate_limited', 'too many invalid API keys from this address', undefined, wait);
    }
    return this.keys.authenticate(key).then((principal) => {
      if (!principal) {
        this.failures.failed(address);
        throw new ApiError('unauthorized', 'the API key is not valid');
      }
      return permitted(principal, access);
    });
  }

  /**
   * The caller a live ticket stands for. A forged ticket counts against its address like an invalid
   * key; a stream's recheck does neither: its ticket was good when it opened, and only its key counts now.
   */
  private async ticketHolder(
    request: FastifyRequest,
    ticket: string,
    check: TicketCheck,
    access: Exclude<Access, 'public'>,
  ): Promise<Principal> {
    const address = request.ip;
    const wait = check === 'open' ? this.failures.blockedFor(address) : 0;
    if (wait > 0) {
      this.metrics.authFailuresLimited.inc();
      throw new ApiError('rate_limited', 'too many invalid API keys from this address', undefined, wait);
    }
    const principal = await this.tickets.holderOf(ticket, check);
    if (!principal) {
      if (check === 'open') this.failures.failed(address);
      throw new ApiError('unauthorized', 'the live ticket is not valid: it expired, was altered, or its key no longer is');
    }
    return permitted(principal, access);
  }
}

function permitted(principal: Principal, access: Exclude<Access, 'public'>): Principal {
  if (!ROLES_OF[access].includes(principal.role)) throw new ApiError('forbidden', `a ${principal.role} key may not do this`);
  return principal;
}
