import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import { ACCESS_KEY, KEY_IN_QUERY, ROLES_OF, type Access, type AuthenticatedRequest } from './access.decorators';
import { presentedKey } from './api-key';
import { ApiKeys } from './api-keys';
import { ANONYMOUS_READER } from './principal';

/**
 * Every route states who may call it; a route that forgets is admin-only. The identified caller
 * is put on the request for handlers that scope by customer.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeys,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? 'admin';
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const keyInQuery = this.reflector.getAllAndOverride<boolean | undefined>(KEY_IN_QUERY, [context.getHandler(), context.getClass()]);
    const key = presentedKey(request.headers, keyInQuery ? (request.query as Record<string, unknown>) : undefined);
    if (key === null) {
      if (access === 'read' && !this.config.auth) {
        request.principal = ANONYMOUS_READER;
        return true;
      }
      throw new ApiError('unauthorized', 'an API key is required (Authorization: Bearer <key>)');
    }
    const principal = await this.keys.authenticate(key);
    if (!principal) throw new ApiError('unauthorized', 'the API key is not valid');
    if (!ROLES_OF[access].includes(principal.role)) {
      throw new ApiError('forbidden', `a ${principal.role} key may not do this`);
    }
    request.principal = principal;
    return true;
  }
}
