import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FakeClock } from '../testing/fake-clock';
import { FakeEventSources } from '../testing/fake-event-source';
import { App } from './app';
import { Clock } from './shared/clock';

describe('App', () => {
  beforeEach(() => jasmine.clock().install());
  afterEach(() => {
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  it('shows the Beacon header and the fleet page', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Clock, useValue: new FakeClock() },
        new FakeEventSources().provider(),
      ],
    });
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();

    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('h1')?.textContent).toBe('Beacon');
    expect(host.querySelector('bcn-fleet-table')).not.toBeNull();
  });
});
