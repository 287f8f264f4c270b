#!/usr/bin/env node
// Writes a gzip (`.gz`) and a Brotli (`.br`) copy beside each text file of a build, for the server
// to send to browsers that accept them (`@fastify/static`'s `preCompressed`). Compressing once here,
// at the highest levels, costs a few seconds per build; compressing per request would cost CPU on
// every page load, and the dashboard with its map is 2.8 MB uncompressed.
//
//   node tools/build/precompress.mjs dist/apps/dashboard/browser
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.webmanifest']);
/** Below this a response fits in a packet or two whatever it holds. */
const MIN_BYTES = 1024;

const encoders = {
  '.gz': (bytes) => promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION }),
  '.br': (bytes) =>
    promisify(brotliCompress)(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
};

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

async function precompress(root) {
  let before = 0;
  let after = 0;
  for await (const file of filesUnder(root)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const bytes = await readFile(file);
    for (const [suffix, encode] of Object.entries(encoders)) {
      const compressed = bytes.length < MIN_BYTES ? null : await encode(bytes);
      // A copy that is not smaller is not worth a header: the file is sent as it is.
      if (compressed && compressed.length < bytes.length) await writeFile(file + suffix, compressed);
      else await rm(file + suffix, { force: true });
      if (suffix === '.br') {
        before += bytes.length;
        after += Math.min(bytes.length, compressed?.length ?? bytes.length);
      }
    }
  }
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  console.log(`precompress: ${root}: ${kb(before)} of text, ${kb(after)} with Brotli`);
}

const root = process.argv[2];
if (!root) {
  console.error('usage: node tools/build/precompress.mjs <build directory>');
  process.exit(2);
}
await precompress(root);
