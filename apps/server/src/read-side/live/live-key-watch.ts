import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CallerIdentification } from '../../auth/caller-identification';
import { ApiError } from '../../http/api-error';

/** How often every open stream's key is checked again: a revoked key's stream ends within this (after its announcement). */
const CHECK_MS = 1_000;

/** Answers that mean the key no longer opens the stream; others (the database away during a recheck) do not end it. */
const REFUSALS = new Set(['unauthorized', 'forbidden', 'rate_limited']);

interface Watched {
  request: FastifyRequest;
  end: () => void;
}

/**
 * A live stream outlives the request that opened it, so its key is checked again every second, as
 * a new request would check it: a stream opened with a key that is then revoked, expires, or (the
 * admin key from a file) is rotated away ends within a second or so. A stream opened with a live
 * ticket is checked by the key behind the ticket: the ticket's own 60 s are for opening it only.
 * Checks are answered from the keys' memory; a valid key's 10 s recheck is one lookup however many
 * streams it holds open.
 */
@Injectable()
export class LiveKeyWatch implements OnModuleDestroy {
  private readonly watched = new Set<Watched>();
  private readonly timer = setInterval(() => this.checkAll(), CHECK_MS);

  constructor(private readonly callers: CallerIdentification) {}

  /** Watches the key of the stream opened by `request`; `end` ends the stream. Returns the way to stop. */
  watch(request: FastifyRequest, end: () => void): () => void {
    const watched = { request, end };
    this.watched.add(watched);
    return () => this.watched.delete(watched);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private checkAll(): void {
    for (const watched of this.watched) {
      try {
        const principal = this.callers.principalFor(watched.request, 'read', { keyInQuery: true, ticket: 'recheck' });
        if (principal instanceof Promise) principal.catch((error: unknown) => this.refused(watched, error));
      } catch (error) {
        this.refused(watched, error);
      }
    }
  }

  private refused(watched: Watched, error: unknown): void {
    if (!(error instanceof ApiError && REFUSALS.has(error.code)) || !this.watched.delete(watched)) return;
    watched.end();
  }
}
