import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@beacon/contracts';
import { KEY_NO_LONGER_VALID, REFUSED_KEY, SERVER_UNREACHABLE, Session } from './session';

const ADMIN: MeResponse = { role: 'admin', customerId: null, customerName: null, keyName: 'ops' };
const ACME_VIEWER: MeResponse = { role: 'viewer', customerId: 'acme', customerName: 'Acme Logistics', keyName: 'acme wall screen' };
const STORED = 'beacon.apiKey';

describe('Session', () => {
  let http: HttpTestingController;
  let session: Session;
  const pageUrl = location.pathname;

  const expectMe = () => http.expectOne('/api/v1/me');

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    sessionStorage.clear();
    localStorage.clear();
    history.replaceState(null, '', pageUrl);
  });

  it('opens without a key when the server needs none', async () => {
    const started = session.start();
    const request = expectMe();
    expect(request.request.headers.has('Authorization')).toBeFalse();
    request.flush({ role: 'viewer', customerId: null, customerName: null, keyName: null });
    await started;
    expect(session.state()).toBe('signed-in');
    expect(session.key).toBeNull();
  });

  it('shows the sign-in screen, with no complaint, when the server needs a key and none is kept', async () => {
    const started = session.start();
    expectMe().flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await started;
    expect(session.state()).toBe('signed-out');
    expect(session.notice()).toBeNull();
  });

  it('signs in with the key of a sign-in link, keeps it for this tab only, and takes it out of the address bar', async () => {
    history.replaceState(null, '', `${pageUrl}#key=bcn_link_key`);
    const started = session.start();
    expect(location.hash).toBe('');
    const request = expectMe();
    expect(request.request.headers.get('Authorization')).toBe('Bearer bcn_link_key');
    request.flush(ADMIN);
    await started;
    expect(session.state()).toBe('signed-in');
    expect(session.me()).toEqual(ADMIN);
    expect(sessionStorage.getItem(STORED)).toBe('bcn_link_key');
    expect(localStorage.getItem(STORED)).toBeNull();
  });

  it('signs in with a link opened in a tab already showing the dashboard (only the fragment changes)', async () => {
    const started = session.start();
    expectMe().flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await started;
    location.hash = '#key=bcn_pasted_link';
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    const request = expectMe();
    expect(request.request.headers.get('Authorization')).toBe('Bearer bcn_pasted_link');
    expect(location.hash).toBe('');
    request.flush(ADMIN);
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.state()).toBe('signed-in');
  });

  it('remembers a key across browser sessions only when asked to', async () => {
    const signedIn = session.signIn(' bcn_remembered ', true);
    const request = expectMe();
    expect(request.request.headers.get('Authorization')).toBe('Bearer bcn_remembered');
    request.flush(ACME_VIEWER);
    expect(await signedIn).toBeTrue();
    expect(localStorage.getItem(STORED)).toBe('bcn_remembered');
    expect(sessionStorage.getItem(STORED)).toBeNull();
    expect(session.scopedCustomerId()).toBe('acme');

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const restarted = TestBed.inject(Session).start();
    const again = expectMe();
    expect(again.request.headers.get('Authorization')).toBe('Bearer bcn_remembered');
    again.flush(ACME_VIEWER);
    await restarted;
    expect(localStorage.getItem(STORED)).toBe('bcn_remembered');
  });

  it('keeps nothing of a refused key and says so', async () => {
    const signedIn = session.signIn('bcn_wrong', false);
    expectMe().flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    expect(await signedIn).toBeFalse();
    expect(session.state()).toBe('signed-out');
    expect(session.notice()).toBe(REFUSED_KEY);
    expect(sessionStorage.getItem(STORED)).toBeNull();
  });

  it('keeps a kept key when the server does not answer, so trying again needs no typing', async () => {
    sessionStorage.setItem(STORED, 'bcn_kept');
    const started = session.start();
    expectMe().error(new ProgressEvent('error'), { status: 0 });
    await started;
    expect(session.notice()).toBe(SERVER_UNREACHABLE);
    expect(sessionStorage.getItem(STORED)).toBe('bcn_kept');

    const retried = session.start();
    const again = expectMe();
    expect(again.request.headers.get('Authorization')).toBe('Bearer bcn_kept');
    again.flush(ADMIN);
    await retried;
    expect(session.state()).toBe('signed-in');
  });

  it('goes back to sign-in, telling why and forgetting the key, when the key stops working', async () => {
    const signedIn = session.signIn('bcn_revoked_soon', true);
    expectMe().flush(ADMIN);
    await signedIn;
    session.keyRefused();
    expect(session.state()).toBe('signed-out');
    expect(session.notice()).toBe(KEY_NO_LONGER_VALID);
    expect(session.key).toBeNull();
    expect(localStorage.getItem(STORED)).toBeNull();
  });

  it('signs out, forgetting the key, without a complaint', async () => {
    const signedIn = session.signIn('bcn_key', false);
    expectMe().flush(ADMIN);
    await signedIn;
    session.signOut();
    expect(session.state()).toBe('signed-out');
    expect(session.notice()).toBeNull();
    expect(sessionStorage.getItem(STORED)).toBeNull();
  });
});
