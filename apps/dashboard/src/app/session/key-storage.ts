import { Injectable } from '@angular/core';

const STORAGE_KEY = 'beacon.apiKey';

/**
 * Where the signed-in key is kept: for this tab's session by default (gone when the tab closes),
 * in local storage only when the user asked to be remembered. Never in a cookie, so it is sent
 * only where the dashboard puts it.
 */
@Injectable({ providedIn: 'root' })
export class KeyStorage {
  read(): { key: string; remembered: boolean } | null {
    const forSession = sessionStorage.getItem(STORAGE_KEY);
    if (forSession) return { key: forSession, remembered: false };
    const remembered = localStorage.getItem(STORAGE_KEY);
    return remembered ? { key: remembered, remembered: true } : null;
  }

  write(key: string, remember: boolean): void {
    this.clear();
    (remember ? localStorage : sessionStorage).setItem(STORAGE_KEY, key);
  }

  clear(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    localStorage.removeItem(STORAGE_KEY);
  }
}
