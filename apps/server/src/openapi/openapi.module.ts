import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';

/** `GET /api/openapi.json` and the browsable page at `GET /api/docs`, in every process role. */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
