import { Module } from '@nestjs/common';
import { RebuildProjectionController } from './rebuild-projection.controller';

/** Operations for administrators, served by every role: they only file work in PostgreSQL. */
@Module({ controllers: [RebuildProjectionController] })
export class AdminModule {}
