import { Injectable } from '@nestjs/common';

/**
 * Whether this process wants new requests. A stopping process first says no (`/health/ready` fails)
 * and keeps serving for `BEACON_DRAIN_SECONDS`, so that a proxy checking readiness has moved its
 * traffic elsewhere before the server closes its port.
 */
@Injectable()
export class Readiness {
  private stopping = false;

  get draining(): boolean {
    return this.stopping;
  }

  drain(): void {
    this.stopping = true;
  }
}
