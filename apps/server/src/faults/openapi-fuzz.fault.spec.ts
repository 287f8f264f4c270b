import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ServerProcess } from '../testing/server-process';
import { ensureSchemathesis, runSchemathesis, SCHEMATHESIS_VERSION } from '../testing/schemathesis';
import { adminHeaders, TEST_ADMIN_KEY } from '../testing/test-app';
import { registerFleet } from '../testing/fault-load';

/**
 * Schemathesis, an OpenAPI fuzzer written by others, against the built server's own document:
 * every operation, in its examples, coverage, fuzzing and stateful phases, with a fixed seed. Each
 * answer must be no 5xx, a status the operation documents, with the documented content type,
 * headers and schema; a request the document says is invalid must be refused (decision 027).
 */
const CONFIG = resolve(__dirname, 'openapi-fuzz/schemathesis.toml');
const SEED = '19';
const RUN_LIMIT_MS = 8 * 60_000;

interface Report {
  running_time: number;
  exit_code: number;
  operations: { total: number; selected: number; tested: number; errored: number };
  test_cases: { generated: number; with_failures: number };
  failures: { code: string; title: string; count: number; operations: string[] }[];
  errors: unknown[];
}

let st: string;
let database: TestDatabase;
let server: ServerProcess | null = null;
const reportDir = mkdtempSync(join(tmpdir(), 'beacon-openapi-fuzz-'));

beforeAll(async () => {
  st = ensureSchemathesis(); // installs it on the first run (PyPI), fails with what is missing
  database = await createTestDatabase();
  // The fuzzer sends thousands of made-up keys from one address: the per-address limit on invalid
  // keys (tested in api-key-lifecycle.int.spec.ts) would answer them 429 where it checks for 401.
  server = await ServerProcess.start(database.url, { BEACON_AUTH_FAILURES_PER_MINUTE: '1000000' });
  // A small fleet, so that cases naming these ids (schemathesis.toml) reach the handlers.
  await registerFleet(server.url, 'fuzz-fleet', ['FUZZ-VAN-1', 'FUZZ-VAN-2', 'FUZZ-VAN-3']);
  const aircraft = await fetch(`${server.url}/api/v1/assets`, {
    method: 'POST',
    headers: { ...adminHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ id: '4ac9e1', kind: 'aircraft', customerId: 'fuzz-fleet', icao24: '4ac9e1' }),
  });
  expect(aircraft.status).toBe(201);
}, 600_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  await database?.drop();
  rmSync(reportDir, { recursive: true, force: true });
}, 60_000);

it(
  `finds the served OpenAPI document true to the server (Schemathesis ${SCHEMATHESIS_VERSION}, all phases, seed ${SEED})`,
  async () => {
    const reportPath = join(reportDir, 'report.json');
    const run = await runSchemathesis(
      st,
      [
        '--config-file',
        CONFIG,
        'run',
        `${server?.url}/api/openapi.json`,
        '--header',
        `Authorization: Bearer ${TEST_ADMIN_KEY}`,
        '--seed',
        SEED,
        '--no-color',
        '--report',
        'json',
        '--report-json-path',
        reportPath,
      ],
      reportDir,
      RUN_LIMIT_MS,
    );
    if (run.exitCode !== 0) {
      throw new Error(
        `schemathesis exited with ${run.exitCode}; what it found:\n${run.output.slice(run.output.indexOf('FAILURES') >>> 0)}`,
      );
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    expect({ failures: report.failures, errors: report.errors }).toEqual({ failures: [], errors: [] });
    expect(report.operations.tested).toBe(report.operations.total);
    expect(report.operations.total).toBeGreaterThanOrEqual(23);
    expect(report.test_cases.generated).toBeGreaterThan(1000);
    console.log(
      `Schemathesis ${SCHEMATHESIS_VERSION}: ${report.operations.tested} operations, ${report.test_cases.generated} cases, ` +
        `0 failures, in ${report.running_time.toFixed(0)} s`,
    );
  },
  RUN_LIMIT_MS + 30_000,
);
