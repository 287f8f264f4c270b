import { DEFAULT_SEARCH_LIMIT } from '@beacon/contracts';
import type { AssetSearch, BoundingBox, TrackQuery } from '@beacon/read-models';
import { seededRandom } from '../../lib/heartbeat-data';
import { CITIES, cityBox } from './fleet-cities';
import { MAKE_WORDS, VEHICLE_BODIES } from './fleet-names';
import type { FleetPlan } from './fleet-plan';

/** The API's default page size. */
const LIMIT = DEFAULT_SEARCH_LIMIT;
/** Points read for one track before it is downsampled (apps/server get-track.query-handler.ts). */
const TRACK_READ_LIMIT = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const PREFIXES = 200;

/**
 * One kind of search. Each call asks something a little different (another plate, word, typo or
 * map position), as different users do: repeating one query would measure the stores' caches.
 */
export interface SearchQuery {
  /** Names its rows. */
  name: string;
  /** What varies from call to call; recorded with the results. */
  variants: string;
  criteria(call: number): AssetSearch;
}

export function searchQueries(plan: FleetPlan): SearchQuery[] {
  const prefixes = registrationPrefixes(plan);
  const labelWords = [...MAKE_WORDS, ...VEHICLE_BODIES];
  const typos = oneTypoWords(labelWords);
  const newestFirst = { field: 'lastSeenAt', direction: 'desc' } as const;
  return [
    {
      name: 'text: registration prefix',
      variants: `the 3 letters of ${prefixes.length} of the fleet's plates, e.g. ${prefixes.slice(0, 3).join(', ')}`,
      criteria: (call) => ({ q: nth(prefixes, call), limit: LIMIT }),
    },
    {
      name: 'text: label word',
      variants: `a vehicle make or body type from labels like "Scania R500 reefer": ${labelWords.join(', ')}`,
      criteria: (call) => ({ q: nth(labelWords, call), limit: LIMIT }),
    },
    {
      name: 'text: one typo',
      variants: `one letter replaced, left out, added or swapped in the middle of a make or body type: ${typos.slice(0, 4).join(', ')}, … (${typos.length})`,
      criteria: (call) => ({ q: nth(typos, call), limit: LIMIT }),
    },
    {
      name: 'status=online',
      variants: 'only the clock (every call its own now)',
      criteria: () => ({ status: 'online', limit: LIMIT }),
    },
    {
      name: 'bbox: one city',
      variants: `a 27 × 27 km map view of ${CITIES.map((c) => c.name).join(', ')} in turn, panned by up to ±3 km`,
      criteria: (call) => ({ bbox: pannedCityBox(call), limit: LIMIT }),
    },
    {
      name: 'combined, newest first',
      variants: 'a make (as in "label word") + status=online + a city view (as in "bbox") + sort lastSeenAt:desc',
      criteria: (call) => ({ q: nth(MAKE_WORDS, call), status: 'online', bbox: pannedCityBox(call), sort: newestFirst, limit: LIMIT }),
    },
  ];
}

/** The last 24 h of an online asset (all of its positions), another asset on every call. */
export function trackQuery(plan: FleetPlan): { variants: string; query(call: number, now: Date): TrackQuery } {
  const online = plan.assets.filter((a) => a.online).map((a) => a.id);
  return {
    variants: `the last 24 h of one of the ${online.length.toLocaleString('en-US')} online assets, another on every call; limit ${TRACK_READ_LIMIT.toLocaleString('en-US')} as the API reads`,
    query: (call, now) => ({
      assetId: nth(online, call * 7_919), // a prime stride: consecutive calls land far apart in the fleet
      from: new Date(now.getTime() - DAY_MS),
      to: now,
      limit: TRACK_READ_LIMIT,
    }),
  };
}

/** The letters of plates spread over the fleet (aircraft registrations share them: `SE-KXR`). */
function registrationPrefixes(plan: FleetPlan): string[] {
  const vehicles = plan.assets.filter((a) => !a.aircraft);
  const stride = Math.max(1, Math.floor(vehicles.length / PREFIXES));
  const prefixes = new Set<string>();
  for (let i = 0; i < vehicles.length && prefixes.size < PREFIXES; i += stride) prefixes.add(vehicles[i]?.registration.slice(0, 3) ?? '');
  return [...prefixes];
}

/** Four misspellings of each word of 5+ letters, the typo in the middle so no prefix still matches. */
function oneTypoWords(words: readonly string[]): string[] {
  return words
    .filter((word) => word.length >= 5)
    .flatMap((word) => {
      const w = word.toLowerCase();
      const m = Math.floor(w.length / 2);
      const next = String.fromCharCode(((w.charCodeAt(m) - 97 + 1) % 26) + 97);
      const swapAt = w[m - 1] === w[m] ? m + 1 : m; // swapping two equal letters changes nothing
      return [
        w.slice(0, m) + next + w.slice(m + 1), // replaced
        w.slice(0, m) + w.slice(m + 1), // left out
        `${w.slice(0, m)}x${w.slice(m)}`, // added
        w.slice(0, swapAt - 1) + (w[swapAt] ?? '') + (w[swapAt - 1] ?? '') + w.slice(swapAt + 1), // swapped
      ];
    });
}

function pannedCityBox(call: number): BoundingBox {
  const random = seededRandom(0xb0c5 + call);
  return cityBox(nth(CITIES, call), { lat: (random() - 0.5) * 0.06, lon: (random() - 0.5) * 0.12 });
}

function nth<T>(values: readonly T[], call: number): T {
  return values[call % values.length] as T;
}
