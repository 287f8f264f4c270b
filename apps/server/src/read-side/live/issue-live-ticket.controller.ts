import type { LiveTicketResponse } from '@beacon/contracts';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentPrincipal, ReadAccess } from '../../auth/access.decorators';
import { LiveTickets } from '../../auth/live-tickets';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../../http/api-error';

/**
 * `POST /api/v1/live/tickets`: a ticket that opens `GET /api/v1/live?ticket=…` as the calling key for
 * 60 s, so that a browser's EventSource need not put the key itself in the URL (decision 034). The
 * key comes in a header: this route takes neither `?key=` nor a ticket.
 */
@Controller('api/v1/live/tickets')
export class IssueLiveTicketController {
  constructor(private readonly tickets: LiveTickets) {}

  @Post()
  @HttpCode(201)
  @ReadAccess()
  async issue(@CurrentPrincipal() caller: Principal): Promise<LiveTicketResponse> {
    const issued = await this.tickets.issue(caller);
    // The key was valid a moment ago, in the guard; revoked or rotated since, it signs nothing.
    if (!issued) throw new ApiError('unauthorized', 'the API key is not valid');
    return { ticket: issued.ticket, expiresAt: issued.expiresAt.toISOString() };
  }
}
