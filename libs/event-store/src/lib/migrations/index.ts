import { CreateEventLog1764000000000 } from './1764000000000-create-event-log';
import { PartitionHeartbeatsByDay1764000200000 } from './1764000200000-partition-heartbeats-by-day';
import { AppendHeartbeatsFunction1764000800000 } from './1764000800000-append-heartbeats-function';
import { HeartbeatCategory1764001400000 } from './1764001400000-heartbeat-category';
import { ConcurrentHeartbeatAppends1764001700000 } from './1764001700000-concurrent-heartbeat-appends';
import { OptimisticHeartbeatAppends1764001900000 } from './1764001900000-optimistic-heartbeat-appends';
import { AnnounceStreamAppends1764002100000 } from './1764002100000-announce-stream-appends';

export { STREAM_APPENDED_CHANNEL } from './1764002100000-announce-stream-appends';

/** Migration classes of the event log, in order; the server runs them with the read models' own. */
export const eventStoreMigrations = [
  CreateEventLog1764000000000,
  PartitionHeartbeatsByDay1764000200000,
  AppendHeartbeatsFunction1764000800000,
  HeartbeatCategory1764001400000,
  ConcurrentHeartbeatAppends1764001700000,
  OptimisticHeartbeatAppends1764001900000,
  AnnounceStreamAppends1764002100000,
];
