import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Theme } from './theme';

const LABELS = { system: 'System', light: 'Light', dark: 'Dark' } as const;

/** The header's theme button: each press steps system → light → dark, and says what is in force. */
@Component({
  selector: 'bcn-theme-toggle',
  template: `
    <button
      type="button"
      class="toggle"
      data-testid="theme-toggle"
      [attr.data-theme-choice]="theme.preference()"
      title="Theme: system, light or dark"
      (click)="theme.cycle()"
    >
      Theme: {{ label() }}
    </button>
  `,
  styles: `
    .toggle {
      padding: 0.3rem 0.7rem;
      border: 1px solid var(--bcn-border);
      border-radius: 0.4rem;
      font: inherit;
      font-size: 0.9rem;
      color: inherit;
      background: var(--bcn-surface);
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThemeToggle {
  protected readonly theme = inject(Theme);
  protected readonly label = computed(() => LABELS[this.theme.preference()]);
}
