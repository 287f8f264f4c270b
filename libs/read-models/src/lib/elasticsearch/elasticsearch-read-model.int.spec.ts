import { describeReadModelContract } from '../../testing/contract/read-model.contract';
import { createElasticsearchHarness } from '../../testing/elasticsearch.harness';

describeReadModelContract('elasticsearch', createElasticsearchHarness);
