import { Module } from '@nestjs/common';
import { AssetsProjector } from '../projections/assets-projector.service';

/** The projector (`BEACON_ROLES=projector`): keeps the read model up to date, one leader at a time. */
@Module({ providers: [AssetsProjector] })
export class ProjectorModule {}
