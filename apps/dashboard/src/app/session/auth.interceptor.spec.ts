import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { KEY_NO_LONGER_VALID, Session, TRYING_A_KEY } from './session';

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let session: Session;

  beforeEach(async () => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    session = TestBed.inject(Session);
    const signedIn = session.signIn('bcn_key', false);
    http.expectOne('/api/v1/me').flush({ role: 'viewer', customerId: null, customerName: null, keyName: 'wall' });
    await signedIn;
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    sessionStorage.clear();
  });

  it('sends the signed-in key with every request', () => {
    void firstValueFrom(client.get('/api/v1/assets'));
    expect(http.expectOne('/api/v1/assets').request.headers.get('Authorization')).toBe('Bearer bcn_key');
  });

  it('sends the session back to sign-in, with the reason, when a request is refused for its key', async () => {
    const answer = firstValueFrom(client.get('/api/v1/assets')).catch((error: unknown) => error);
    http.expectOne('/api/v1/assets').flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await answer;
    expect(session.state()).toBe('signed-out');
    expect(session.notice()).toBe(KEY_NO_LONGER_VALID);
  });

  it('leaves a 403 (a right the key lacks) and the 401 of a key being tried to their callers', async () => {
    const forbidden = firstValueFrom(client.get('/api/v1/api-keys')).catch((error: unknown) => error);
    http.expectOne('/api/v1/api-keys').flush({ error: 'forbidden' }, { status: 403, statusText: 'Forbidden' });
    await forbidden;
    const tried = firstValueFrom(client.get('/api/v1/me', { context: new HttpContext().set(TRYING_A_KEY, true) })).catch((e: unknown) => e);
    http.expectOne('/api/v1/me').flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await tried;
    expect(session.state()).toBe('signed-in');
  });
});
