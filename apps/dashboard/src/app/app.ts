import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FleetPage } from './fleet/fleet-page/fleet-page';

@Component({
  selector: 'bcn-root',
  imports: [FleetPage],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
