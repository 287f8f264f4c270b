import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { applyThemePreference, readThemePreference } from './app/shared/theme/theme-preference';

// Before the first render, so a remembered theme applies from the first frame (sign-in screen included).
applyThemePreference(readThemePreference());

bootstrapApplication(App, appConfig).catch((err: unknown) => console.error(err));
