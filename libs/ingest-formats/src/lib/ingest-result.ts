import type { ApiErrorDetail, HeartbeatRequest } from '@beacon/contracts';

/** One normalised heartbeat; `index` is its position in what was sent (0 for a single report). */
export interface IngestItem {
  index: number;
  assetId: string;
  heartbeat: HeartbeatRequest;
}

/** What an unknown aircraft is registered with; `category` is the ADS-B emitter category, e.g. `A3` (its heartbeat carries it too). */
export interface AircraftInfo {
  icao24: string;
  callsign?: string;
  category?: string;
}

export interface AircraftItem extends IngestItem {
  aircraft: AircraftInfo;
}

/** An entry of a feed document that could not be read; the rest of the document still counts. */
export interface RejectedItem {
  index: number;
  error: 'invalid_request';
  details: ApiErrorDetail[];
}

/** The whole request is not the expected shape: the HTTP layer answers 400 with these details. */
export interface InvalidDocument {
  ok: false;
  details: ApiErrorDetail[];
}

export type OsmAndResult = { ok: true; item: IngestItem } | InvalidDocument;

export type FeedResult = { ok: true; items: AircraftItem[]; rejected: RejectedItem[] } | InvalidDocument;
