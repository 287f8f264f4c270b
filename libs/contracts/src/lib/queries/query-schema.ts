/**
 * A query parameter's JSON Schema (2020-12). Its `description` is the parameter's: the server's
 * validator ignores it, the OpenAPI document shows it.
 */
export type ParameterSchema = Readonly<Record<string, unknown>> & { readonly description: string };

/**
 * The query string of one read, as one JSON Schema object: the server validates with it, the OpenAPI
 * document takes its `parameters` from it, and T is the type a client builds the query from. The
 * compiler insists that `properties` names exactly T's fields, so a parameter added to one and not
 * the other fails the build. Every parameter of Beacon's reads is optional, and any other is a 400.
 */
export type QuerySchemaOf<T> = {
  readonly type: 'object';
  readonly additionalProperties: false;
  readonly properties: { readonly [K in keyof T]-?: ParameterSchema };
};

/** Checks `schema` against T and keeps its literal type (so `properties.limit.default` stays a number). */
export const querySchemaOf =
  <T>() =>
  <S extends QuerySchemaOf<T>>(schema: S): S =>
    schema;
