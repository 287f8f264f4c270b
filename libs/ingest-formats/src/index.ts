export * from './lib/ingest-result';
export * from './lib/units';
export * from './lib/heading';
export { parseOsmAnd } from './lib/osmand/osmand-query';
export { parseOsmAndJson } from './lib/osmand/osmand-json';
export type { QueryFields } from './lib/osmand/query-fields';
export { parseReadsb } from './lib/readsb/readsb';
export { parseOpenSky } from './lib/opensky/opensky';
export { parseDeviceTimestamp } from './lib/time/device-timestamp';
