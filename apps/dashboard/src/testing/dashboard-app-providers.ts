import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideLocationMocks } from '@angular/common/testing';
import { provideRouter } from '@angular/router';
import { APP_ROUTES } from '../app/app.routes';
import { Clock } from '../app/shared/clock';
import { FakeClock } from './fake-clock';
import { FakeEventSources } from './fake-event-source';

/**
 * What a spec of the whole app or of the fleet page runs on: HttpTestingController, the app's routes
 * on a mocked address bar, a fake clock and fake live streams. Pass the clock or the sources a spec
 * drives itself; add what a spec needs besides (the map's factory) after these.
 */
export function dashboardAppProviders({ clock = new FakeClock(), sources = new FakeEventSources() } = {}): (
  | Provider
  | EnvironmentProviders
)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter(APP_ROUTES),
    provideLocationMocks(),
    { provide: Clock, useValue: clock },
    sources.provider(),
  ];
}
