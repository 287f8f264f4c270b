import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { SERVER_UNREACHABLE, Session } from '../session';

/** The sign-in screen: an API key, kept for this tab unless the user asks to be remembered. */
@Component({
  selector: 'bcn-sign-in',
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  protected readonly session = inject(Session);
  protected readonly busy = signal(false);
  protected readonly unreachable = SERVER_UNREACHABLE;

  protected async submit(event: Event, key: string, remember: boolean): Promise<void> {
    event.preventDefault();
    if (!key.trim() || this.busy()) return;
    this.busy.set(true);
    try {
      await this.session.signIn(key, remember);
    } finally {
      this.busy.set(false);
    }
  }

  /** The typed key again, or, with none typed, the kept one (the server was down at start). */
  protected retry(key: string, remember: boolean): void {
    if (key.trim()) void this.session.signIn(key, remember);
    else void this.session.start();
  }
}
