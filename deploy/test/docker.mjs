// The Docker CLI, as the swarm test uses it: plain commands, a stack's containers, a Beacon
// container's metrics read from inside it (replicas publish no port of their own).
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** `docker …args`; resolves to its trimmed standard output, rejects with its standard error. */
export async function docker(...args) {
  try {
    const { stdout } = await execFileAsync('docker', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    throw new Error(`docker ${args.join(' ')} failed: ${(error.stderr || error.message).trim()}`);
  }
}

/** Runs a script with the test's environment, its output shown as it comes; rejects on a non-zero exit. */
export function runScript(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The running containers of one service of the stack. */
export async function runningContainers(stack, service) {
  const out = await docker('ps', '-q', '--filter', `label=com.docker.swarm.service.name=${stack}_${service}`, '--filter', 'status=running');
  return out ? out.split('\n') : [];
}

/** A Beacon container's /metrics, fetched by the container's own Node with the stack's admin key (a secret it mounts). */
export function metricsOf(container) {
  return docker(
    'exec',
    container,
    'node',
    '-e',
    "const key = require('fs').readFileSync('/run/secrets/admin_key', 'utf8').trim();" +
      "fetch('http://127.0.0.1:3000/metrics', { headers: { authorization: 'Bearer ' + key } }).then((r) => r.text()).then((t) => process.stdout.write(t))",
  );
}

/** The sum of a metric's samples whose labels include `labels`. */
export function metricValue(text, name, labels = {}) {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(\{[^}]*\})? ([-+0-9.eE]+|NaN)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const sample = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => sample[key] === value)) sum += Number(match[3]);
  }
  return sum;
}

/** `docker service scale` to n, waiting until the service has converged. */
export function scaleService(stack, service, replicas) {
  return docker('service', 'scale', '--detach=false', `${stack}_${service}=${replicas}`);
}
