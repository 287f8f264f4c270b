import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ALTITUDE_UNITS, SPEED_UNITS, isAltitudeUnit, isSpeedUnit } from './units';
import { Units } from './units-choice';

/** The header's unit choice: speed in km/h or knots, altitude in metres or feet (vertical rate follows). */
@Component({
  selector: 'bcn-unit-picker',
  template: `
    <label class="unit">
      <span class="label">Speed</span>
      <select #speed data-testid="unit-speed" (change)="onSpeed(speed.value)">
        @for (unit of speedUnits; track unit) {
          <option [value]="unit" [selected]="unit === units.choice().speed">{{ unit }}</option>
        }
      </select>
    </label>
    <label class="unit">
      <span class="label">Altitude</span>
      <select #altitude data-testid="unit-altitude" (change)="onAltitude(altitude.value)">
        @for (unit of altitudeUnits; track unit) {
          <option [value]="unit" [selected]="unit === units.choice().altitude">{{ unit }}</option>
        }
      </select>
    </label>
  `,
  styles: `
    :host {
      display: flex;
      gap: 0.5rem;
      font-size: 0.9rem;
    }
    .unit {
      display: flex;
      align-items: center;
      gap: 0.3rem;
    }
    .label {
      color: var(--bcn-muted);
    }
    select {
      padding: 0.25rem 0.4rem;
      border: 1px solid var(--bcn-border);
      border-radius: 0.4rem;
      font: inherit;
      color: inherit;
      background: var(--bcn-surface);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnitPicker {
  protected readonly units = inject(Units);
  protected readonly speedUnits = SPEED_UNITS;
  protected readonly altitudeUnits = ALTITUDE_UNITS;

  protected onSpeed(value: string): void {
    if (isSpeedUnit(value)) this.units.chooseSpeed(value);
  }

  protected onAltitude(value: string): void {
    if (isAltitudeUnit(value)) this.units.chooseAltitude(value);
  }
}
