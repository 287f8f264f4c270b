import { describeReadModelContract } from '../contract/read-model.contract';
import { createPostgresHarness } from './postgres.harness';

describeReadModelContract('postgres', createPostgresHarness);
