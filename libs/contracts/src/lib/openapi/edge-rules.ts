import { errors } from './error-responses';
import type { Operation, PathItem, Paths } from './openapi-types';

/**
 * The edge refuses unsafe text or deep nesting in any path or query parameter of any route, those a
 * route declares or not (`refuse-unsafe-input.ts`): so every operation may answer 400, and says so.
 */
export function withEdgeRules(paths: Paths): Paths {
  return Object.fromEntries(Object.entries(paths).map(([path, item]) => [path, withEdgeRulesOfItem(item)]));
}

function withEdgeRulesOfItem(item: PathItem): PathItem {
  return Object.fromEntries(
    Object.entries(item).map(([method, operation]: [string, Operation]) => [
      method,
      { ...operation, responses: { ...errors(400), ...operation.responses } },
    ]),
  );
}
