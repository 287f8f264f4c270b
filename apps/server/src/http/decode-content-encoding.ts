import { bodyLimitOf } from '@beacon/http-edge';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Transform, type Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import { ApiError } from './api-error';

/** The encodings a request body may come in; `identity` is none. */
const DECODERS = new Map<string, (() => Transform) | null>([
  ['gzip', createGunzip],
  ['x-gzip', createGunzip],
  ['deflate', createInflate],
  ['identity', null],
]);

/**
 * Request bodies sent with `Content-Encoding: gzip` (receivers often compress their `aircraft.json`
 * uploads) or `deflate` are decoded before they are parsed; any other encoding is 415. Fastify's
 * `preParsing` hook is made for this: the parser reads the decoded stream, and checks
 * `Content-Length` against the encoded bytes, counted in `receivedEncodedLength`. The decoded body
 * is held to the route's limit as it is inflated, so a small body that inflates past it is 413 and
 * the inflating stops there (no zip bomb).
 */
export function decodeContentEncoding(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  // A callback hook, not an async one: it runs on every request, and needs no promise.
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const header = request.headers['content-encoding'];
    if (header === undefined || !hasBody(request.headers)) return done(null, payload);
    const encoding = header.trim().toLowerCase();
    const decoder = DECODERS.get(encoding);
    if (decoder === undefined) {
      return done(new ApiError('unsupported_media_type', `Content-Encoding ${header} is not supported: send gzip, deflate or none`));
    }
    if (decoder === null) return done(null, payload);
    done(null, decoded(payload, decoder(), encoding, bodyLimitOf(request.url)));
  });
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

function decoded(payload: Readable, decoder: Transform, encoding: string, limit: number): Readable {
  let decodedBytes = 0;
  const output = Object.assign(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        decodedBytes += chunk.length;
        if (decodedBytes <= limit) callback(null, chunk);
        else callback(new ApiError('payload_too_large', `request body is larger than ${limit} bytes once decoded`));
      },
    }),
    { receivedEncodedLength: 0 },
  );
  payload.on('data', (chunk: Buffer) => {
    output.receivedEncodedLength += chunk.length;
  });
  const stop = (): void => {
    payload.unpipe(decoder);
    decoder.destroy();
  };
  // `pipe` passes no errors on: the parser sees only the errors of `output`, as API errors.
  decoder.on('error', () => {
    stop();
    output.destroy(new ApiError('invalid_request', `the request body is not valid ${encoding}`));
  });
  output.on('error', stop);
  payload.on('error', (error) => output.destroy(error));
  return payload.pipe(decoder).pipe(output);
}
