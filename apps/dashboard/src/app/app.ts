import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FleetPage } from './fleet/fleet-page/fleet-page';
import { Session } from './session/session';
import { SignIn } from './session/sign-in/sign-in';

/** The fleet for a signed-in user, the sign-in screen otherwise. */
@Component({
  selector: 'bcn-root',
  imports: [FleetPage, SignIn],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly session = inject(Session);

  constructor() {
    void this.session.start();
  }
}
