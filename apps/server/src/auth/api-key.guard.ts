import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, KEY_IN_QUERY, TICKET_IN_QUERY, type Access, type AuthenticatedRequest } from './access.decorators';
import { CallerIdentification, type Credentials } from './caller-identification';

interface RouteRules {
  access: Access;
  credentials: Credentials;
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
    private readonly callers: CallerIdentification,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { access, credentials } = this.rulesOf(context);
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.callers.principalFor(request, access, credentials);
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
        credentials: {
          keyInQuery: this.reflector.getAllAndOverride<boolean | undefined>(KEY_IN_QUERY, [handler, controller]) ?? false,
          ticket: this.reflector.getAllAndOverride<boolean | undefined>(TICKET_IN_QUERY, [handler, controller]) ? 'open' : null,
        },
      };
      ofController.set(handler, rules);
    }
    return rules;
  }
}
