import type { Random } from '../random';

/** VIN characters: digits and capitals without I, O and Q. */
const VIN_CHARACTERS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
/** World manufacturer identifiers of heavy vehicles seen on Swedish roads (Scania, Volvo, Mercedes-Benz, MAN). */
const MANUFACTURERS = ['YS2', 'YV2', 'WDB', 'WMA'];
/** Swedish plates leave out I, Q, V, Å, Ä and Ö. */
const PLATE_LETTERS = 'ABCDEFGHJKLMNOPRSTUWXYZ';
/** Airlines that fly the simulated routes, by ICAO designator. */
const AIRLINES = ['SAS', 'NAX', 'NOZ', 'FIN', 'KLM', 'DLH', 'BAW', 'AFR', 'BRX'];

const draw = (random: Random, characters: string, length: number): string =>
  Array.from({ length }, () => characters[random.integer(0, characters.length - 1)]).join('');

/** Identities drawn until unused: two simulated devices never share one. */
export class Identities {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  vin(): string {
    return this.unique(() => this.random.pick(MANUFACTURERS) + draw(this.random, VIN_CHARACTERS, 14));
  }

  /** A Swedish plate, `ABC123` or the newer `ABC12D`. */
  registration(): string {
    return this.unique(
      () => draw(this.random, PLATE_LETTERS, 3) + draw(this.random, '0123456789', 2) + draw(this.random, `0123456789${PLATE_LETTERS}`, 1),
    );
  }

  /** A 24-bit ICAO address in lower-case hex, as Beacon keys aircraft. */
  icao24(): string {
    return this.unique(() => this.random.integer(0x400000, 0x4fffff).toString(16));
  }

  callsign(): string {
    return this.unique(() => `${this.random.pick(AIRLINES)}${this.random.integer(1, 9999)}`);
  }

  private unique(make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
  }
}
