/** What the user chose: follow the system, or always light, or always dark. */
export type ThemePreference = 'system' | 'light' | 'dark';
/** The palette in force once the system's preference is known. */
export type ColourScheme = 'light' | 'dark';

/** The order the header's theme button steps through. */
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'beacon.theme';

/** The remembered choice; "system" when there is none, or storage cannot be read (privacy modes). */
export function readThemePreference(storage: Storage = localStorage): ThemePreference {
  try {
    const stored = storage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Sets `data-theme` on <html>, which `styles.scss` turns into a palette. Called from `main.ts`
 * before the app starts, so a remembered choice applies to the sign-in screen without a flash.
 */
export function applyThemePreference(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  root.setAttribute('data-theme', preference);
}
