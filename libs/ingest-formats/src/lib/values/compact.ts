/**
 * Drops the keys whose value is undefined: absent facts are absent from the heartbeat rather than
 * present as `undefined`, which JSON, `toEqual` and the event's "only when sent" fields all care about.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
