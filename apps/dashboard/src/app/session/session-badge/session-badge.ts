import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Session } from '../session';

/** Who is signed in, as the header shows it: the role, the customer a key is limited to, and a way out. */
@Component({
  selector: 'bcn-session-badge',
  template: `
    @if (session.me(); as me) {
      <span class="who" data-testid="session-who">
        <span class="role" data-testid="session-role">{{ me.role }}</span>
        <span data-testid="session-scope">{{ scope() }}</span>
      </span>
      @if (session.key !== null) {
        <button type="button" class="sign-out" data-testid="sign-out" (click)="session.signOut()">Sign out</button>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      font-size: 0.9rem;
    }
    .who {
      display: flex;
      gap: 0.4rem;
      color: var(--bcn-muted);
    }
    .role {
      padding: 0 0.45rem;
      border-radius: 999px;
      color: var(--bcn-text);
      background: var(--bcn-hover);
      text-transform: capitalize;
    }
    .sign-out {
      padding: 0.3rem 0.7rem;
      border: 1px solid var(--bcn-border);
      border-radius: 0.4rem;
      font: inherit;
      color: inherit;
      background: var(--bcn-surface);
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionBadge {
  protected readonly session = inject(Session);
  protected readonly scope = computed(() => {
    const me = this.session.me();
    if (!me) return '';
    return me.customerId === null ? 'all customers' : (me.customerName ?? me.customerId);
  });
}
