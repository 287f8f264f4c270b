import { HttpClient, HttpContext, HttpContextToken, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { MeResponse } from '@beacon/contracts';
import { firstValueFrom } from 'rxjs';
import { KeyStorage } from './key-storage';
import { takeKeyFromLink } from './key-from-link';

/** Marks the request that tries a key: its 401 means "wrong key", not "signed out meanwhile". */
export const TRYING_A_KEY = new HttpContextToken<boolean>(() => false);

export type SessionState = 'checking' | 'signed-out' | 'signed-in';

export const REFUSED_KEY = 'That key was not accepted. Check it and try again.';
export const KEY_NO_LONGER_VALID = 'Your key is no longer accepted: it was revoked, expired or replaced. Sign in again.';
export const SERVER_UNREACHABLE = 'Beacon did not answer. Try again in a moment.';

/**
 * Who is signed in: the API key every request carries (see authInterceptor) and what the server
 * says it is (`GET /api/v1/me`: role and customer scope). A key is only kept once the server has
 * accepted it. With authentication off on the server, `/me` answers without a key and the
 * dashboard opens straight away.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly storage = inject(KeyStorage);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  private readonly stateSignal = signal<SessionState>('checking');
  private readonly meSignal = signal<MeResponse | null>(null);
  private readonly noticeSignal = signal<string | null>(null);
  private currentKey: string | null = null;
  private listening = false;

  readonly state = this.stateSignal.asReadonly();
  readonly me = this.meSignal.asReadonly();
  /** Why the user is at the sign-in screen, when it is not their first visit. */
  readonly notice = this.noticeSignal.asReadonly();
  /** A key scoped to one customer sees only it: no customer to choose. */
  readonly scopedCustomerId = computed(() => this.meSignal()?.customerId ?? null);

  /** The key requests carry; null when signed out or when the server needs none. */
  get key(): string | null {
    return this.currentKey;
  }

  /**
   * At start, and to try again after the server did not answer: the key of a sign-in link, else
   * the one kept from before, else none (the server may not need one).
   */
  async start(): Promise<void> {
    const view = this.document.defaultView;
    if (view && !this.listening) {
      // A sign-in link opened in a tab already showing the dashboard changes only the fragment.
      const onHashChange = (): void => {
        if (/[#&]key=/.test(view.location.hash)) void this.start();
      };
      view.addEventListener('hashchange', onHashChange);
      this.destroyRef.onDestroy(() => view.removeEventListener('hashchange', onHashChange));
      this.listening = true;
    }
    const fromLink = view ? takeKeyFromLink(view.location, view.history) : null;
    if (fromLink) this.storage.write(fromLink, false);
    const kept = this.storage.read();
    const outcome = await this.tryKey(kept?.key ?? null, { remember: kept?.remembered ?? false, quiet: kept === null });
    if (outcome === 'refused') this.storage.clear();
  }

  /** From the sign-in form. Resolves to whether the key was accepted. */
  async signIn(key: string, remember: boolean): Promise<boolean> {
    return (await this.tryKey(key.trim(), { remember, quiet: false })) === 'accepted';
  }

  signOut(): void {
    this.storage.clear();
    this.leave(null);
  }

  /** A request was refused for its key (revoked, expired, rotated away): back to the sign-in screen. */
  keyRefused(): void {
    if (this.stateSignal() !== 'signed-in') return;
    this.storage.clear();
    this.leave(KEY_NO_LONGER_VALID);
  }

  private async tryKey(
    key: string | null,
    options: { remember: boolean; quiet: boolean },
  ): Promise<'accepted' | 'refused' | 'unreachable'> {
    this.stateSignal.set('checking');
    try {
      const headers = key ? new HttpHeaders({ Authorization: `Bearer ${key}` }) : undefined;
      const me = await firstValueFrom(
        this.http.get<MeResponse>('/api/v1/me', { headers, context: new HttpContext().set(TRYING_A_KEY, true) }),
      );
      this.currentKey = key;
      if (key) this.storage.write(key, options.remember);
      this.meSignal.set(me);
      this.noticeSignal.set(null);
      this.stateSignal.set('signed-in');
      return 'accepted';
    } catch (error) {
      const refused = error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403);
      this.leave(refused ? (options.quiet ? null : REFUSED_KEY) : SERVER_UNREACHABLE);
      return refused ? 'refused' : 'unreachable';
    }
  }

  private leave(notice: string | null): void {
    this.currentKey = null;
    this.meSignal.set(null);
    this.noticeSignal.set(notice);
    this.stateSignal.set('signed-out');
  }
}
