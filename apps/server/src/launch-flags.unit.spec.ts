import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '../../..');
const read = (path: string): string => readFileSync(join(WORKSPACE, path), 'utf8');

/** Node's flags for the server (decision 050): the projector process inherits them (projector-process.ts). */
const FLAGS = '--max-semi-space-size=64';

// Each way Beacon is launched, and the benchmarks' launcher, which must measure the server as run.
const LAUNCHERS: [string, () => string][] = [
  ['npm start', () => (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start'] ?? ''],
  ['the image', () => read('deploy/Dockerfile').match(/^CMD .*$/m)?.[0] ?? ''],
  ['npm run start:es', () => read('tools/elasticsearch/start-beacon.sh')],
  ['the benchmarks', () => read('bench/benchmarks/ingest/beacon-server.ts')],
];

describe("the server's Node flags", () => {
  it.each(LAUNCHERS)('are given by %s', (_launcher, launch) => {
    const text = launch();
    expect(text).toMatch(/dist\/apps\/server\/main\.js|SERVER_MAIN/);
    expect(text).toContain(FLAGS);
  });
});
