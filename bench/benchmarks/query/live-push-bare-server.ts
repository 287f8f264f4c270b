/**
 * The live-push baseline's server, forked as its own process like Beacon's: plain node:http, no
 * framework, no database, no log. `GET /live` opens a server-sent-event stream; `POST /ping/:id`
 * with a heartbeat body queues it as a `position` message (Beacon's frame format) and answers 202;
 * every 100 ms, as Beacon's live stream does, what was queued goes to every open stream in one
 * write. The least work a push server can do per heartbeat: the same batching, without a log, a
 * database, keys, filters or a journal.
 */
import { createServer, type ServerResponse } from 'node:http';

const streams = new Set<ServerResponse>();
let seq = 0;
let queued = '';
const FLUSH_MS = 100;

function open(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  response.socket?.setNoDelay(true);
  response.write('retry: 2000\n: connected\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
}

function ping(id: string, body: string, response: ServerResponse): void {
  const heartbeat = JSON.parse(body) as { lat: number; lon: number; timestamp: string };
  const data = {
    id,
    position: { lat: heartbeat.lat, lon: heartbeat.lon, altitude: null, speed: null, heading: null, timestamp: heartbeat.timestamp },
  };
  queued += `id: ${++seq}\nevent: position\ndata: ${JSON.stringify(data)}\n\n`;
  response.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":1}');
}

function flush(): void {
  if (queued === '') return;
  const chunk = queued;
  queued = '';
  for (const stream of streams) stream.write(chunk);
}

function main(): void {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.startsWith('/live')) return open(response);
    const match = /^\/ping\/([^/?]+)/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match?.[1]) return void response.writeHead(404).end();
    const id = decodeURIComponent(match[1]);
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => ping(id, body, response));
  });
  setInterval(flush, FLUSH_MS);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
  const stop = (): void => process.exit(0);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
}

if (require.main === module) main();
