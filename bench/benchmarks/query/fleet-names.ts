/**
 * The searchable text of the fleet: registrations, labels, callsigns and customer names built from
 * the vocabularies below, so a query word matches a known share of the fleet (a vehicle make about
 * one vehicle in ten, a body type one in six).
 */
export const VEHICLE_MAKES = [
  'Volvo FH16',
  'Scania R500',
  'MAN TGX',
  'Mercedes Actros',
  'DAF XF',
  'Iveco S-Way',
  'Renault T',
  'Ford Transit',
  'Volkswagen Crafter',
  'Toyota Hilux',
] as const;
export const VEHICLE_BODIES = ['reefer', 'tipper', 'tanker', 'flatbed', 'box', 'curtainsider'] as const;
const AIRCRAFT_TYPES = ['A320neo', 'B737-800', 'ATR 72', 'Dash 8', 'E190', 'A220'] as const;
const AIRLINES = ['SAS', 'NAX', 'FIN', 'BRX', 'WIF'] as const;
const AIRCRAFT_COUNTRIES = ['SE', 'LN', 'OY', 'OH'] as const;
const REGIONS = ['Norrland', 'Skåne', 'Dalarna', 'Värmland', 'Jylland', 'Fyn', 'Trøndelag', 'Vestland', 'Uusimaa', 'Lappi'] as const;
const TRADES = ['Freight', 'Logistics', 'Haulage', 'Transport', 'Distribution', 'Aviation'] as const;
const LETTERS = 'ABCDEFGHJKLMNOPRSTUWXYZ'; // as on Swedish plates: no I, Q or V

/** The first word of each make: what a dispatcher types to find "all my Scanias". */
export const MAKE_WORDS: readonly string[] = VEHICLE_MAKES.map((make) => make.split(' ')[0] as string);

export interface AssetText {
  registration: string;
  label: string | null;
  callsign: string | null;
}

/** A plate like `KXR 417`, or for an aircraft `SE-KXR`, its type as label and an airline callsign. */
export function assetText(aircraft: boolean, random: () => number): AssetText {
  const letters = Array.from({ length: 3 }, () => pick(LETTERS.split(''), random)).join('');
  if (aircraft) {
    return {
      registration: `${pick(AIRCRAFT_COUNTRIES, random)}-${letters}`,
      label: pick(AIRCRAFT_TYPES, random),
      callsign: `${pick(AIRLINES, random)}${Math.floor(random() * 9_000) + 100}`,
    };
  }
  const digits = String(Math.floor(random() * 1_000)).padStart(3, '0');
  return { registration: `${letters} ${digits}`, label: `${pick(VEHICLE_MAKES, random)} ${pick(VEHICLE_BODIES, random)}`, callsign: null };
}

/** `Norrland Freight 7`: distinct names whose words a search may also hit. */
export function customerName(index: number): string {
  return `${REGIONS[index % REGIONS.length] ?? ''} ${TRADES[Math.floor(index / REGIONS.length) % TRADES.length] ?? ''} ${index}`;
}

export function pick<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)] as T;
}
