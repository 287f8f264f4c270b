import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeys } from './api-keys';
import { ApiKeyUsage } from './api-key-usage';
import { BootstrapAdminKey } from './bootstrap-admin-key';
import { CallerIdentification } from './caller-identification';
import { RevocationListener } from './revocation-listener';

/** API keys for every role of the server: the guard on every route, caller identification, and the key store. */
@Global()
@Module({
  providers: [
    ApiKeys,
    ApiKeyUsage,
    BootstrapAdminKey,
    RevocationListener,
    CallerIdentification,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeys, CallerIdentification],
})
export class AuthModule {}
