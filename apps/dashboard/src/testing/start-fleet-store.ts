import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FleetStore } from '../app/fleet/fleet-store';
import { Clock } from '../app/shared/clock';
import { FakeClock } from './fake-clock';
import { FakeEventSources } from './fake-event-source';

/**
 * A `FleetStore` on a fake clock, fake live stream and HttpTestingController, started, so the next
 * request a spec sees is the asset search. Installs
 * `jasmine.clock()` (rxjs timers read the global setTimeout when scheduled): uninstall it after.
 */
export function startFleetStore(sources = new FakeEventSources(), clock = new FakeClock()) {
  jasmine.clock().install();
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), { provide: Clock, useValue: clock }, sources.provider()],
  });
  const http = TestBed.inject(HttpTestingController);
  const store = TestBed.inject(FleetStore);
  jasmine.clock().tick(0);
  return { http, store, clock, sources };
}
