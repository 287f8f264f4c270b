import { describeReadModelContract } from '../contract/read-model.contract';
import { createElasticsearchHarness } from './elasticsearch.harness';

describeReadModelContract('elasticsearch', createElasticsearchHarness);
