import { Module } from '@nestjs/common';
import { DecommissionAssetController } from '../assets/decommission-asset/decommission-asset.controller';
import { DecommissionAssetHandler } from '../assets/decommission-asset/decommission-asset.handler';
import { RegisterAssetController } from '../assets/register-asset/register-asset.controller';
import { RegisterAssetHandler } from '../assets/register-asset/register-asset.handler';
import { UpdateAssetController } from '../assets/update-asset/update-asset.controller';
import { UpdateAssetHandler } from '../assets/update-asset/update-asset.handler';
import { IssueApiKeyController } from '../auth/issue-api-key/issue-api-key.controller';
import { RevokeApiKeyController } from '../auth/revoke-api-key/revoke-api-key.controller';
import { RegisterCustomerController } from '../customers/register-customer/register-customer.controller';
import { RegisterCustomerHandler } from '../customers/register-customer/register-customer.handler';
import { AssetDirectory } from '../shared/asset-directory';
import { RecordHeartbeatsController } from '../heartbeats/record-heartbeats/record-heartbeats.controller';
import { PingRoute } from '../heartbeats/record-heartbeats/ping.route';
import { RecordHeartbeatsHandler } from '../heartbeats/record-heartbeats/record-heartbeats.handler';
import { AdsbFeedsController } from '../ingest/adsb/adsb-feeds.controller';
import { FleetAircraft } from '../ingest/adsb/fleet-aircraft';
import { RegisterUnknownAircraft } from '../ingest/adsb/register-unknown-aircraft';
import { OsmAndController } from '../ingest/osmand/osmand.controller';
import { CreatePartitionsAhead } from '../partitions/create-partitions-ahead.service';
import { ReadModelProgress } from '../read-your-writes/read-model-progress';
import { DropExpiredHeartbeats } from '../retention/drop-expired-heartbeats.service';

/** The command side (`BEACON_ROLES=ingest`): customer, asset and key commands, heartbeats and feeds, retention. */
@Module({
  controllers: [
    RegisterCustomerController,
    RegisterAssetController,
    UpdateAssetController,
    DecommissionAssetController,
    IssueApiKeyController,
    RevokeApiKeyController,
    RecordHeartbeatsController,
    OsmAndController,
    AdsbFeedsController,
  ],
  providers: [
    RegisterCustomerHandler,
    RegisterAssetHandler,
    UpdateAssetHandler,
    DecommissionAssetHandler,
    RecordHeartbeatsHandler,
    PingRoute,
    AssetDirectory,
    RegisterUnknownAircraft,
    FleetAircraft,
    DropExpiredHeartbeats,
    CreatePartitionsAhead,
    ReadModelProgress,
  ],
})
export class IngestModule {}
