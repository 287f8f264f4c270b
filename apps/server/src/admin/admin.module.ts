import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';
import { RebuildProjectionController } from './rebuild-projection.controller';

/** Operations for administrators, served by every role: they only file work in PostgreSQL. */
@Module({ controllers: [RebuildProjectionController, DeadLettersController] })
export class AdminModule {}
