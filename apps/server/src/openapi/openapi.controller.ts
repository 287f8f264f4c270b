import { buildOpenApiDocument, type OpenApiDocument } from '@beacon/contracts';
import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { Public } from '../auth/access.decorators';
import { ApiError } from '../http/api-error';
import { API_VERSION } from './api-version';
import { DOCS_INITIALIZER, DOCS_PAGE } from './docs-page';
import { swaggerUiFile } from './swagger-ui-files';

/** The OpenAPI document and its Swagger UI page: public (docs/API.md "Operations"). */
@Controller('api')
@Public()
export class OpenApiController {
  private readonly document = buildOpenApiDocument({ version: API_VERSION });

  @Get('openapi.json')
  openApiDocument(): OpenApiDocument {
    return this.document;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return DOCS_PAGE;
  }

  @Get('docs/swagger-initializer.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  initializer(): string {
    return DOCS_INITIALIZER;
  }

  // Swagger UI changes only with the package, so browsers may keep its files for an hour.
  @Get('docs/:file')
  @Header('cache-control', 'public, max-age=3600')
  swaggerUi(@Param('file') name: string): StreamableFile {
    const file = swaggerUiFile(name);
    if (!file) throw new ApiError('not_found', `${name} is not part of the API docs`);
    return new StreamableFile(createReadStream(file.path), { type: file.type });
  }
}
