import { Module } from '@nestjs/common';
import { RegisterAssetController } from '../assets/register-asset/register-asset.controller';
import { RegisterAssetHandler } from '../assets/register-asset/register-asset.handler';
import { RegisterCustomerController } from '../customers/register-customer/register-customer.controller';
import { RegisterCustomerHandler } from '../customers/register-customer/register-customer.handler';
import { KnownAssets } from '../heartbeats/known-assets';
import { RecordHeartbeatController } from '../heartbeats/record-heartbeats/record-heartbeats.controller';
import { RecordHeartbeatsHandler } from '../heartbeats/record-heartbeats/record-heartbeats.handler';
import { DropExpiredHeartbeats } from '../retention/drop-expired-heartbeats.service';

/** The command side (`BEACON_ROLES=ingest`): customer and asset commands, heartbeats, retention. */
@Module({
  controllers: [RegisterCustomerController, RegisterAssetController, RecordHeartbeatController],
  providers: [RegisterCustomerHandler, RegisterAssetHandler, RecordHeartbeatsHandler, KnownAssets, DropExpiredHeartbeats],
})
export class IngestModule {}
