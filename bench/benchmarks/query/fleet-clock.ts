/** A millisecond more per query, wrapping after this many: the clock never moves by a full second. */
const WRAP = 1_000;

/**
 * The `now` each query is asked at. Status is decided against it, and the fleet's heartbeats were
 * written once, so a real clock would take every asset offline a minute into the run; the fleet is
 * queried as of the instant it was filled instead. Each query still gets a `now` of its own, as
 * each request does in the server: Elasticsearch caches a range filter it sees repeatedly, and one
 * fixed instant would hand it a cache hit the product never gets. The values repeat only every
 * thousand queries, far beyond the few hundred recent filters that cache keeps count of.
 */
export class FleetClock {
  private calls = 0;

  constructor(readonly atMs: number) {}

  next(): Date {
    return new Date(this.atMs + (this.calls++ % WRAP));
  }
}
