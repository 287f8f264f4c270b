import { CreateAssetReadModel1764000100000 } from './1764000100000-create-asset-read-model';
import { AssetVersion1764000400000 } from './1764000400000-asset-version';
import { AssetSearch1764000600000 } from './1764000600000-asset-search';
import { AssetViewDocument1764001300000 } from './1764001300000-asset-view-document';
import { SearchVocabulary1764001500000 } from './1764001500000-search-vocabulary';
import { AssetUpdatesStayOnTheirPage1764001600000 } from './1764001600000-asset-updates-stay-on-their-page';
import { SearchRowsInPageOrder1764001800000 } from './1764001800000-search-rows-in-page-order';
import { SearchRowsCarryTheStatusMinute1764002000000 } from './1764002000000-search-rows-carry-the-status-minute';

export const postgresReadModelMigrations = [
  CreateAssetReadModel1764000100000,
  AssetVersion1764000400000,
  AssetSearch1764000600000,
  AssetViewDocument1764001300000,
  SearchVocabulary1764001500000,
  AssetUpdatesStayOnTheirPage1764001600000,
  SearchRowsInPageOrder1764001800000,
  SearchRowsCarryTheStatusMinute1764002000000,
];
