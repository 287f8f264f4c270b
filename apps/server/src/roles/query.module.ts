import { Module } from '@nestjs/common';
import { GetMeController } from '../auth/get-me/get-me.controller';
import { ListApiKeysController } from '../auth/list-api-keys/list-api-keys.controller';
import { GetAssetController } from '../assets/get-asset/get-asset.controller';
import { GetAssetQueryHandler } from '../assets/get-asset/get-asset.query-handler';
import { GetTrackController } from '../assets/get-track/get-track.controller';
import { GetTrackQueryHandler } from '../assets/get-track/get-track.query-handler';
import { SearchAssetsController } from '../assets/search-assets/search-assets.controller';
import { SearchAssetsQueryHandler } from '../assets/search-assets/search-assets.query-handler';
import { ListCustomersController } from '../customers/list-customers/list-customers.controller';
import { ListCustomersQueryHandler } from '../customers/list-customers/list-customers.query-handler';
import { LiveFeed } from '../read-side/live/live-feed.service';
import { LiveKeyWatch } from '../read-side/live/live-key-watch';
import { LiveMetrics } from '../read-side/live/live-metrics';
import { LiveController } from '../read-side/live/live.controller';
import { IssueLiveTicketController } from '../read-side/live/issue-live-ticket.controller';
import { GetStatsController } from '../stats/get-stats.controller';
import { LogRate } from '../stats/log-rate';

/** The query side (`BEACON_ROLES=query`): search, detail, tracks, customers and stats from the read model, the live stream (and its tickets) from the log, and who a key is. */
@Module({
  controllers: [
    SearchAssetsController,
    GetAssetController,
    GetTrackController,
    ListCustomersController,
    GetStatsController,
    LiveController,
    IssueLiveTicketController,
    ListApiKeysController,
    GetMeController,
  ],
  providers: [
    SearchAssetsQueryHandler,
    GetAssetQueryHandler,
    GetTrackQueryHandler,
    ListCustomersQueryHandler,
    LogRate,
    LiveFeed,
    LiveKeyWatch,
    LiveMetrics,
  ],
})
export class QueryModule {}
