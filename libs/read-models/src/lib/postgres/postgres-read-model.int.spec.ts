import { describeReadModelContract } from '../../testing/contract/read-model.contract';
import { createPostgresHarness } from '../../testing/postgres.harness';

describeReadModelContract('postgres', createPostgresHarness);
