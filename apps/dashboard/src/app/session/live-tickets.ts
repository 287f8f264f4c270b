import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LiveTicketResponse } from '@beacon/contracts';
import { type Observable, map, of } from 'rxjs';
import { Session } from './session';

/**
 * An EventSource cannot send the key in a header, and a key in its URL would be written to every
 * proxy's log: the live stream opens with a short-lived ticket instead (`POST /api/v1/live/tickets`),
 * asked for before each connection. Without a key (the server needs none) there is no ticket.
 */
@Injectable({ providedIn: 'root' })
export class LiveTickets {
  private readonly http = inject(HttpClient);
  private readonly session = inject(Session);

  next(): Observable<string | null> {
    if (this.session.key === null) return of(null);
    return this.http.post<LiveTicketResponse>('/api/v1/live/tickets', null).pipe(map((answer) => answer.ticket));
  }
}
