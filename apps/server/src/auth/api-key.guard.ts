import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import { ACCESS_KEY, type Access } from './access.decorators';
import { keyDigest, presentedKey, sameKey } from './api-key';

/**
 * Every route states its access level; a route that forgets to is treated as a write. Until
 * per-customer keys exist, the admin key (`BEACON_ADMIN_KEY`) is the only key.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly adminDigest: Buffer | null;

  constructor(
    private readonly reflector: Reflector,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {
    this.adminDigest = config.adminKey ? keyDigest(config.adminKey) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const access =
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ??
      'write';
    if (access === 'public' || (access === 'read' && !this.config.auth)) return true;
    const key = presentedKey(context.switchToHttp().getRequest<FastifyRequest>().headers);
    if (key === null) throw new ApiError('unauthorized', 'an API key is required (Authorization: Bearer <key>)');
    if (this.adminDigest === null || !sameKey(key, this.adminDigest)) {
      throw new ApiError('unauthorized', 'the API key is not valid');
    }
    return true;
  }
}
