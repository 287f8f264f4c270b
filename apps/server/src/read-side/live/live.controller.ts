import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { CurrentPrincipal, KeyInQuery, ReadAccess, TicketInQuery } from '../../auth/access.decorators';
import { readScope, type Principal } from '../../auth/principal';
import { LiveFeed } from './live-feed.service';
import { LiveKeyWatch } from './live-key-watch';
import type { LiveConnection } from '@beacon/read-models';
import { parseLiveParams } from './live-params';

/** How soon a browser's EventSource reconnects after the connection drops. */
const RECONNECT_MS = 2_000;

/**
 * `GET /api/v1/live`: server-sent events of status changes and positions. Browsers' EventSource
 * cannot set headers, so a key may also come as `?key=`, or as a live ticket, `?ticket=`, which
 * keeps the key itself out of URLs (decision 034).
 */
@Controller('api/v1/live')
export class LiveController {
  constructor(
    private readonly feed: LiveFeed,
    private readonly keyWatch: LiveKeyWatch,
  ) {}

  @Get()
  @ReadAccess()
  @KeyInQuery()
  @TicketInQuery()
  async stream(
    @Query() query: Record<string, string>,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentPrincipal() caller: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const params = parseLiveParams(query, lastEventId, readScope(caller));
    const socket = request.raw.socket;
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      // What Fastify's hooks set (security, CORS and request-id headers) goes out with the hijacked head too.
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies that buffer responses (nginx) would hold events back.
      'x-accel-buffering': 'no',
    });
    socket.setNoDelay(true);
    const connection: LiveConnection = {
      write: (chunk) => {
        if (!response.destroyed) response.write(chunk);
      },
      get backlogBytes() {
        return response.writableLength;
      },
      close: () => {
        if (response.destroyed) return;
        this.feed.dropped();
        response.destroy();
      },
      end: () => {
        if (!response.destroyed) response.end();
      },
    };
    let stopWatching: (() => void) | null = null;
    let closed = false;
    response.on('close', () => {
      closed = true;
      stopWatching?.();
      this.feed.disconnect(connection, params.filter);
    });
    // The response's head goes out with this first write: the client sees the stream open once it is in the hub.
    const resume = await this.feed.connect(connection, params.filter, params.lastEventId);
    if (closed) {
      this.feed.disconnect(connection, params.filter); // it left while the live stream started
      return;
    }
    response.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
    if (resume.kind === 'replay') response.write(resume.chunk);
    if (resume.kind === 'resync')
      response.write(`event: resync\ndata: ${JSON.stringify({ reason: 'events since Last-Event-ID are no longer kept' })}\n\n`);
    // The key (or the ticket's key) is checked again while the stream is open: a revoked or expired key ends it.
    stopWatching = this.keyWatch.watch(request, () => connection.end());
  }
}
