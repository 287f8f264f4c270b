import { Injectable, signal } from '@angular/core';
import type { AltitudeUnit, SpeedUnit, UnitChoice } from './units';
import { readUnitChoice, writeUnitChoice } from './unit-preference';

/**
 * The units the user reads speeds and heights in, remembered in localStorage (`beacon.units`).
 * Views read `choice` and format with the functions of `units.ts`.
 */
@Injectable({ providedIn: 'root' })
export class Units {
  private readonly choiceState = signal<UnitChoice>(readUnitChoice());
  readonly choice = this.choiceState.asReadonly();

  chooseSpeed(speed: SpeedUnit): void {
    this.choose({ ...this.choiceState(), speed });
  }

  chooseAltitude(altitude: AltitudeUnit): void {
    this.choose({ ...this.choiceState(), altitude });
  }

  private choose(choice: UnitChoice): void {
    this.choiceState.set(choice);
    writeUnitChoice(choice);
  }
}
