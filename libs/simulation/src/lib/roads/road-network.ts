import type { LatLon } from '../geo';

/**
 * A town's roads as a small graph: named places (real addresses and landmarks) joined by roads, each
 * a polyline that bends along the road it stands for, driven at that road's typical speed.
 */
export interface Town {
  id: TownId;
  name: string;
  places: Record<string, LatLon>;
  roads: Road[];
}

export type TownId = 'sodertalje' | 'stockholm' | 'uppsala';

export interface Road {
  from: string;
  to: string;
  /** Points between the two places, in order from `from` to `to`. */
  via: LatLon[];
  /** Typical speed of traffic on it: 30–50 in town, 70 on arterials, 90–110 on motorways. */
  kmh: number;
}

/** A road as driven in one direction: the points from start to end. */
export interface Drive {
  destination: string;
  points: LatLon[];
  kmh: number;
}

/** The roads leaving `place`, each in the direction away from it. */
export function drivesFrom(town: Town, place: string): Drive[] {
  const at = (name: string): LatLon => {
    const point = town.places[name];
    if (!point) throw new Error(`${town.id}: no place named ${name}`);
    return point;
  };
  return town.roads.flatMap((road) => {
    if (road.from === place) return [{ destination: road.to, points: [at(road.from), ...road.via, at(road.to)], kmh: road.kmh }];
    if (road.to === place)
      return [{ destination: road.from, points: [at(road.to), ...[...road.via].reverse(), at(road.from)], kmh: road.kmh }];
    return [];
  });
}
