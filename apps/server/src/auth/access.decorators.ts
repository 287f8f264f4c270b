import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from './principal';

/** Who may call a route: anyone, readers, heartbeat senders, or admins only. */
export type Access = 'public' | 'read' | 'heartbeats' | 'admin';
export const ACCESS_KEY = 'beacon:access';

export const ROLES_OF: Record<Exclude<Access, 'public'>, readonly Role[]> = {
  read: ['admin', 'viewer'],
  heartbeats: ['admin', 'device'],
  admin: ['admin'],
};

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'public');
export const ReadAccess = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'read');
export const HeartbeatAccess = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'heartbeats');
export const AdminAccess = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'admin');

/**
 * Phone apps that cannot set headers pass their key as `?key=`; only routes marked so accept it,
 * so keys do not end up in the URLs (and logs) of everything else.
 */
export const KEY_IN_QUERY = 'beacon:key-in-query';
export const KeyInQuery = (): MethodDecorator & ClassDecorator => SetMetadata(KEY_IN_QUERY, true);

/**
 * EventSource cannot set headers either, and a key in a URL ends up in proxies' logs: the live
 * stream takes a short-lived ticket as `?ticket=` (decision 034). Only routes marked so accept one.
 */
export const TICKET_IN_QUERY = 'beacon:ticket-in-query';
export const TicketInQuery = (): MethodDecorator & ClassDecorator => SetMetadata(TICKET_IN_QUERY, true);

/** The caller the guard identified (see `ApiKeyGuard`). */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The caller the guard put on the request; a route without an access decorator has none. */
export function principalOf(request: AuthenticatedRequest): Principal {
  if (!request.principal) throw new Error('no principal: the route lacks an access decorator');
  return request.principal;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => principalOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
