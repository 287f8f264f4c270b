import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { REFUSED_KEY, SERVER_UNREACHABLE, Session } from '../session';
import { SignIn } from './sign-in';

describe('SignIn', () => {
  let http: HttpTestingController;
  let host: HTMLElement;
  let render: () => void;

  const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SignIn);
    host = fixture.nativeElement as HTMLElement;
    render = () => fixture.detectChanges();
    render();
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    sessionStorage.clear();
    localStorage.clear();
  });

  function submit(key: string, remember = false): void {
    (byTestId('sign-in-key') as HTMLInputElement).value = key;
    (byTestId('sign-in-remember') as HTMLInputElement).checked = remember;
    byTestId('sign-in-submit')?.click();
  }

  it('tries the typed key, remembering it only when the box is ticked', async () => {
    submit('bcn_typed', true);
    const request = http.expectOne('/api/v1/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer bcn_typed');
    request.flush({ role: 'admin', customerId: null, customerName: null, keyName: 'ops' });
    await settle();
    expect(TestBed.inject(Session).state()).toBe('signed-in');
    expect(localStorage.getItem('beacon.apiKey')).toBe('bcn_typed');
  });

  it('sends nothing for an empty key', () => {
    submit('   ');
    http.expectNone('/api/v1/me');
  });

  it('says why a key was refused, as an alert', async () => {
    submit('bcn_wrong');
    http.expectOne('/api/v1/me').flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    render();
    expect(byTestId('sign-in-notice')?.textContent?.trim()).toBe(REFUSED_KEY);
    expect(byTestId('sign-in-notice')?.getAttribute('role')).toBe('alert');
    expect(byTestId('sign-in-retry')).toBeNull();
  });

  it('offers to try again when the server did not answer', async () => {
    submit('bcn_key');
    http.expectOne('/api/v1/me').flush('', { status: 503, statusText: 'Service Unavailable' });
    await settle();
    render();
    expect(byTestId('sign-in-notice')?.textContent?.trim()).toBe(SERVER_UNREACHABLE);
    byTestId('sign-in-retry')?.click();
    const again = http.expectOne('/api/v1/me');
    expect(again.request.headers.get('Authorization')).toBe('Bearer bcn_key');
    again.flush({ role: 'admin', customerId: null, customerName: null, keyName: null });
    await settle();
    expect(TestBed.inject(Session).state()).toBe('signed-in');
  });
});
