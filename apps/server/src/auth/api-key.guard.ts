import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import { ACCESS_KEY, KEY_IN_QUERY, ROLES_OF, type Access, type AuthenticatedRequest } from './access.decorators';
import { presentedKey } from './api-key';
import { ApiKeys } from './api-keys';
import { ANONYMOUS_READER } from './principal';

interface RouteRules {
  access: Access;
  keyInQuery: boolean;
}

/**
 * Every route states who may call it; a route that forgets is admin-only. The identified caller
 * is put on the request for handlers that scope by customer.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  /** Each route's access rules (by controller, then handler), read from metadata once, not per request. */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeys,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { access, keyInQuery } = this.rulesOf(context);
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = presentedKey(request.headers, keyInQuery ? (request.query as Record<string, unknown>) : undefined);
    if (key === null) {
      if (access === 'read' && !this.config.auth) {
        request.principal = ANONYMOUS_READER;
        return true;
      }
      throw new ApiError('unauthorized', 'an API key is required (Authorization: Bearer <key>)');
    }
    const principal = this.keys.knownPrincipal(key) ?? (await this.keys.authenticate(key));
    if (!principal) throw new ApiError('unauthorized', 'the API key is not valid');
    if (!ROLES_OF[access].includes(principal.role)) {
      throw new ApiError('forbidden', `a ${principal.role} key may not do this`);
    }
    request.principal = principal;
    return true;
  }

  private rulesOf(context: ExecutionContext): RouteRules {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let ofController = this.rules.get(controller);
    if (!ofController) this.rules.set(controller, (ofController = new WeakMap()));
    let rules = ofController.get(handler);
    if (!rules) {
      rules = {
        access: this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [handler, controller]) ?? 'admin',
        keyInQuery: this.reflector.getAllAndOverride<boolean | undefined>(KEY_IN_QUERY, [handler, controller]) ?? false,
      };
      ofController.set(handler, rules);
    }
    return rules;
  }
}
