// Starts one real Elasticsearch 8 (tools/elasticsearch, fetched from Maven Central) for a whole
// integration-test run; each test file then works under an index prefix of its own (see
// @beacon/testing). A node that cannot start fails the run with its log: nothing is skipped.
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const SCRIPT = join(__dirname, '..', 'elasticsearch', 'elasticsearch.sh');
// Away from 9200/9250, so a developer's own node is never touched by a test run.
const TEST_PORT = '9271';

module.exports = async function startTestElasticsearch() {
  if (process.env.BEACON_TEST_ELASTICSEARCH_URL) return; // an existing node was named: use it
  const dataDir = mkdtempSync(join(tmpdir(), 'beacon-test-es-'));
  // As root the node runs as its own user (see tools/elasticsearch): let it into its folder.
  chmodSync(dataDir, 0o755);
  // Asynchronous, so PostgreSQL starts meanwhile; the script's progress goes to our stderr.
  const child = promisify(execFile)('bash', [SCRIPT, 'start', '--port', TEST_PORT, '--data', dataDir], { encoding: 'utf8' });
  child.child.stderr.pipe(process.stderr);
  const { stdout } = await child;
  const url = stdout.trim().split('\n').pop();
  globalThis.__BEACON_TEST_ELASTICSEARCH__ = { dataDir };
  process.env.BEACON_TEST_ELASTICSEARCH_URL = url;
};

module.exports.stopTestElasticsearch = function stopTestElasticsearch() {
  const started = globalThis.__BEACON_TEST_ELASTICSEARCH__;
  if (!started) return;
  execFileSync('bash', [SCRIPT, 'stop', '--data', started.dataDir], { stdio: 'inherit' });
  rmSync(started.dataDir, { recursive: true, force: true });
};
