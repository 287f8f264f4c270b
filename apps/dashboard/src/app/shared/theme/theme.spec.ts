import { TestBed } from '@angular/core/testing';
import { SYSTEM_DARK_QUERY, Theme } from './theme';
import { THEME_STORAGE_KEY } from './theme-preference';
import { ThemeToggle } from './theme-toggle';

/** Plays the system's colour preference: `prefersDark` flips it and tells the listeners, as the browser does. */
class FakeSystemQuery extends EventTarget {
  matches = false;
  prefersDark(dark: boolean): void {
    this.matches = dark;
    this.dispatchEvent(Object.assign(new Event('change'), { matches: dark }));
  }
}

describe('Theme', () => {
  let system: FakeSystemQuery;
  const root = document.documentElement;
  const background = () => getComputedStyle(document.body).getPropertyValue('--bcn-bg').trim();

  function start(): Theme {
    TestBed.configureTestingModule({ providers: [{ provide: SYSTEM_DARK_QUERY, useValue: system }] });
    return TestBed.inject(Theme);
  }

  beforeEach(() => {
    localStorage.clear();
    system = new FakeSystemQuery();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    localStorage.clear();
    root.setAttribute('data-theme', 'system');
  });

  it('follows the system until the user chooses', () => {
    const theme = start();
    expect(theme.preference()).toBe('system');
    expect(root.getAttribute('data-theme')).toBe('system');
    expect(theme.scheme()).toBe('light');

    system.prefersDark(true);
    expect(theme.scheme()).toBe('dark');
  });

  it('steps system → light → dark → system, applying each to <html> and remembering it', () => {
    const theme = start();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      theme.cycle();
      seen.push(`${theme.preference()} ${root.getAttribute('data-theme')} ${localStorage.getItem(THEME_STORAGE_KEY)}`);
    }
    expect(seen).toEqual(['light light light', 'dark dark dark', 'system system null']);
  });

  it('keeps a chosen palette whatever the system prefers', () => {
    const theme = start();
    theme.choose('light');
    system.prefersDark(true);
    expect(theme.scheme()).toBe('light');
    theme.choose('dark');
    expect(theme.scheme()).toBe('dark');
  });

  it('starts from the remembered choice', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(start().preference()).toBe('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  it('turns the stylesheet’s palette dark and light', () => {
    const theme = start();
    theme.choose('dark');
    expect(background()).toBe('#0f1419');
    theme.choose('light');
    expect(background()).toBe('#f4f6f8');
  });

  it('is stepped by the header’s button, which says what is in force', () => {
    start();
    const fixture = TestBed.createComponent(ThemeToggle);
    fixture.detectChanges();
    const button = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="theme-toggle"]');
    expect(button?.textContent?.trim()).toBe('Theme: System');

    button?.click();
    fixture.detectChanges();
    expect(button?.textContent?.trim()).toBe('Theme: Light');
    expect(button?.getAttribute('data-theme-choice')).toBe('light');
  });
});
