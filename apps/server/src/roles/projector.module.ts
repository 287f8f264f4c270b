import { Module } from '@nestjs/common';
import { AssetsProjector } from '../read-side/assets-projector.service';
import { DropExpiredPositions } from '../retention/drop-expired-positions.service';

/** The projector (`BEACON_ROLES=projector`): keeps the read model up to date, one leader at a time, and its tracks within retention. */
@Module({ providers: [AssetsProjector, DropExpiredPositions] })
export class ProjectorModule {}
