import { HttpParams } from '@angular/common/http';

/** A query's parameters, typed by `@beacon/contracts` (`SearchAssetsQueryParams`, …). */
type QueryParams<Q> = { [K in keyof Q]: string | number | undefined };

/**
 * The parameters that are set, in the order given, as name–value pairs. An empty one is left out
 * rather than sent as `name=`, so an unset filter never reaches the server.
 */
export function queryPairs<Q extends QueryParams<Q>>(query: Q): [string, string][] {
  return Object.entries<string | number | undefined>(query).flatMap(([name, value]): [string, string][] =>
    value === undefined || value === '' ? [] : [[name, String(value)]],
  );
}

/** The same pairs, for HttpClient. */
export function toHttpParams<Q extends QueryParams<Q>>(query: Q): HttpParams {
  return new HttpParams({ fromObject: Object.fromEntries(queryPairs(query)) });
}
