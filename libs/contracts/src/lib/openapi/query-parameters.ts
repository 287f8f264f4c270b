import type { ParameterSchema, QuerySchemaOf } from '../queries/query-schema';
import type { Parameter } from './openapi-types';

/**
 * A read's query parameters, from the schema the server validates its query string with: each
 * property is a parameter, its description the parameter's, the rest of it the parameter's schema.
 */
export function queryParameters<T>(query: QuerySchemaOf<T>): Parameter[] {
  const properties = Object.entries<ParameterSchema>(query.properties);
  return properties.map(([name, { description, ...schema }]) => ({ name, in: 'query', description, schema }));
}
