import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../openapi/openapi-document';
import { liveQuerySchema } from './live-query';
import type { QuerySchemaOf } from './query-schema';
import { searchAssetsQuerySchema } from './search-assets-query';
import { trackQuerySchema } from './track-query';

const served = JSON.parse(JSON.stringify(buildOpenApiDocument({ version: '1.2.3' }))) as ReturnType<typeof buildOpenApiDocument>;
const queryParametersOf = (path: string) => (served.paths[path]?.get?.parameters ?? []).filter((p) => p.in === 'query');

describe('the query schemas', () => {
  // As the server compiles them (apps/server schema-validator.ts).
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);

  it.each([
    ['/api/v1/assets', searchAssetsQuerySchema],
    ['/api/v1/assets/{id}/track', trackQuerySchema],
    ['/api/v1/live', liveQuerySchema],
  ] as const)('of GET %s are its query parameters in the OpenAPI document', (path, schema: QuerySchemaOf<object>) => {
    const fromSchema = Object.entries(schema.properties).map(([name, { description, ...rest }]) => ({
      name,
      in: 'query',
      description,
      schema: rest,
    }));
    expect(queryParametersOf(path)).toEqual(fromSchema);
  });

  it('compile as the server compiles them, and refuse a parameter they do not name', () => {
    for (const schema of [searchAssetsQuerySchema, trackQuerySchema, liveQuerySchema]) {
      const validate = ajv.compile(schema);
      expect(validate({})).toBe(true);
      expect(validate({ colour: 'red' })).toBe(false);
    }
  });
});
