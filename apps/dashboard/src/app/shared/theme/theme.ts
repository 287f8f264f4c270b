import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import type { ColourScheme, ThemePreference } from './theme-preference';
import { THEME_PREFERENCES, THEME_STORAGE_KEY, applyThemePreference, readThemePreference } from './theme-preference';

/** The system's dark preference as a media query; specs provide a fake to play the system. */
export const SYSTEM_DARK_QUERY = new InjectionToken<MediaQueryList>('SYSTEM_DARK_QUERY', {
  providedIn: 'root',
  factory: () => matchMedia('(prefers-color-scheme: dark)'),
});

/**
 * The theme: the user's choice (remembered in localStorage, applied as `data-theme` on <html>) and
 * the palette it comes to, which the map needs to repaint, as WebGL does not follow CSS by itself.
 */
@Injectable({ providedIn: 'root' })
export class Theme {
  private readonly systemQuery = inject(SYSTEM_DARK_QUERY);
  private readonly systemDark = signal(this.systemQuery.matches);
  private readonly preferenceState = signal<ThemePreference>(readThemePreference());

  readonly preference = this.preferenceState.asReadonly();
  readonly scheme = computed<ColourScheme>(() => {
    const preference = this.preference();
    if (preference !== 'system') return preference;
    return this.systemDark() ? 'dark' : 'light';
  });

  constructor() {
    const follow = (event: MediaQueryListEvent) => this.systemDark.set(event.matches);
    this.systemQuery.addEventListener('change', follow);
    inject(DestroyRef).onDestroy(() => this.systemQuery.removeEventListener('change', follow));
    applyThemePreference(this.preference());
  }

  /** System → light → dark → system. */
  cycle(): void {
    const next = THEME_PREFERENCES[(THEME_PREFERENCES.indexOf(this.preference()) + 1) % THEME_PREFERENCES.length];
    this.choose(next ?? 'system');
  }

  choose(preference: ThemePreference): void {
    // Applied at once rather than in an effect, so whoever reads the CSS variables next (the map) sees the new palette.
    applyThemePreference(preference);
    this.preferenceState.set(preference);
    try {
      if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, preference);
    } catch {
      // Storage refused (privacy modes): the choice holds for this page only.
    }
  }
}
