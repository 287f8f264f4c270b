import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeys } from './api-keys';
import { ApiKeyUsage } from './api-key-usage';
import { BootstrapAdminKey } from './bootstrap-admin-key';
import { CallerIdentification } from './caller-identification';
import { KeyRecords } from './key-records';
import { LiveTickets } from './live-tickets';
import { RevocationListener } from './revocation-listener';

/** API keys for every role of the server: the guard on every route, caller identification, the key store and live tickets. */
@Global()
@Module({
  providers: [
    ApiKeys,
    ApiKeyUsage,
    BootstrapAdminKey,
    RevocationListener,
    CallerIdentification,
    KeyRecords,
    LiveTickets,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeys, CallerIdentification, KeyRecords, LiveTickets],
})
export class AuthModule {}
