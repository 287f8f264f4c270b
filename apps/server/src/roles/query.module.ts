import { Module } from '@nestjs/common';
import { GetAssetController } from '../assets/get-asset/get-asset.controller';
import { GetAssetQueryHandler } from '../assets/get-asset/get-asset.query-handler';
import { SearchAssetsController } from '../assets/search-assets/search-assets.controller';
import { SearchAssetsQueryHandler } from '../assets/search-assets/search-assets.query-handler';
import { ListCustomersController } from '../customers/list-customers/list-customers.controller';
import { ListCustomersQueryHandler } from '../customers/list-customers/list-customers.query-handler';
import { assetReadModelProvider } from './read-model.provider';

/** The query side (`BEACON_ROLES=query`): search, detail and customers, from the read model. */
@Module({
  controllers: [SearchAssetsController, GetAssetController, ListCustomersController],
  providers: [assetReadModelProvider, SearchAssetsQueryHandler, GetAssetQueryHandler, ListCustomersQueryHandler],
})
export class QueryModule {}
