import type { JsonSchema, Reference } from './openapi-types';

/** A reference to a schema of `components.schemas`; the unit spec checks that every one resolves. */
export const schemaRef = (name: string): Reference => ({ $ref: `#/components/schemas/${name}` });

/**
 * A request schema of `../schemas` as a component. Their `$id`s (`beacon:heartbeat`) name them for
 * ajv; inside the document an `$id` would change the base URI that `$ref`s resolve against, so it
 * goes. Everything else is the very object the server compiles, so the two cannot drift.
 */
export function asComponent<S extends { readonly $id: string }>(schema: S): Omit<S, '$id'> {
  const { $id: _id, ...component } = schema;
  return component;
}

/** Keys of T that are not optional (a `string | null` field is required, and may be null). */
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/**
 * An object schema that describes the TypeScript shape T: the compiler insists that `properties`
 * names exactly T's fields and that `required` lists none of its optional ones, so a field added to a
 * DTO without its schema (or the other way round) fails the build.
 */
export type ObjectSchemaOf<T> = {
  readonly type: 'object';
  readonly description?: string;
  readonly examples?: readonly T[];
  readonly additionalProperties?: false;
  readonly required: readonly RequiredKeys<T>[];
  readonly properties: { readonly [K in keyof T]-?: JsonSchema };
};

export const objectSchemaOf = <T>(schema: ObjectSchemaOf<T>): ObjectSchemaOf<T> => schema;

/** `type: [X, 'null']` is how JSON Schema 2020-12 (and so OpenAPI 3.1) spells "nullable". */
export const nullable = (type: 'string' | 'number' | 'integer'): JsonSchema => ({ type: [type, 'null'] });
