/** The ingest formats of docs/API.md "Heartbeats": vehicles send the first two, aircraft feeds the last two. */
export const VEHICLE_FORMATS = ['native', 'osmand'] as const;
export const AIRCRAFT_FORMATS = ['readsb', 'opensky'] as const;

export type VehicleFormat = (typeof VEHICLE_FORMATS)[number];
export type AircraftFormat = (typeof AIRCRAFT_FORMATS)[number];

export interface Formats {
  vehicles: VehicleFormat;
  aircraft: AircraftFormat;
}

export const DEFAULT_FORMATS: Formats = { vehicles: 'native', aircraft: 'readsb' };

/**
 * `--format osmand` sets how vehicles report and `--format opensky` how aircraft do; the other kind keeps
 * its default. `osmand,opensky` sets both. Undefined for a name that is no format, or two for one kind.
 */
export function parseFormats(text: string): Formats | undefined {
  const formats = { ...DEFAULT_FORMATS };
  const seen = new Set<string>();
  for (const name of text.split(',').map((part) => part.trim())) {
    const kind = (VEHICLE_FORMATS as readonly string[]).includes(name)
      ? 'vehicles'
      : (AIRCRAFT_FORMATS as readonly string[]).includes(name)
        ? 'aircraft'
        : null;
    if (kind === null || seen.has(kind)) return undefined;
    seen.add(kind);
    Object.assign(formats, { [kind]: name });
  }
  return formats;
}
