import type autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childError, supervise, type Child } from './child';
import type { GeneratorIdentity, GeneratorMessage, RequestPlan, RunCommand } from './load-generator';

const START_TIMEOUT_MS = 60_000;

export interface GeneratorRun {
  url: string;
  /** Over all generators: each takes its share. */
  connections: number;
  seconds: number;
  adminKey: string;
  plan: RequestPlan;
}

/**
 * Several autocannon processes (`load-generator.ts`) that load a server together, started once
 * for the whole benchmark: on 2 cores one autocannon thread was itself the limit of the bare
 * route's rate. Processes rather than autocannon's `workers` option: its worker threads start
 * afresh for every run, each loading the harness's TypeScript (seconds apart on a busy machine),
 * so their runs would not overlap; these are up before the first run and start within
 * milliseconds of each other.
 */
export class LoadGenerators {
  private constructor(
    private readonly forked: readonly ChildProcess[],
    readonly children: readonly Child[],
  ) {}

  static async start(count: number, clockStartMs: number): Promise<LoadGenerators> {
    const forked: ChildProcess[] = [];
    const children: Child[] = [];
    try {
      for (let index = 0; index < count; index++) {
        const identity: GeneratorIdentity = { index, of: count, clockStartMs };
        const generator = fork(join(__dirname, 'load-generator.ts'), [JSON.stringify(identity)], {
          env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        });
        forked.push(generator);
        children.push(supervise(`load generator ${index + 1}/${count}`, generator));
      }
      await Promise.all(forked.map((generator, i) => nextMessage(generator, children[i] as Child, START_TIMEOUT_MS)));
    } catch (error) {
      for (const child of children) await child.stop();
      throw error;
    }
    return new LoadGenerators(forked, children);
  }

  get count(): number {
    return this.forked.length;
  }

  /** One autocannon run in every generator at once; their raw results (`skipAggregateResult`). */
  async run(options: GeneratorRun): Promise<autocannon.Result[]> {
    const { connections, ...rest } = options;
    if (connections < this.count) throw new Error(`${connections} connections cannot be shared by ${this.count} load generators`);
    const answers = this.forked.map((generator, i) => {
      const command: RunCommand = { type: 'run', ...rest, connections: share(connections, this.count, i) };
      const answer = nextMessage(generator, this.children[i] as Child, (options.seconds + 60) * 1000);
      generator.send(command);
      return answer;
    });
    return Promise.all(
      answers.map(async (answer) => {
        const message = await answer;
        if (message.type !== 'result') throw new Error(`a load generator failed: ${JSON.stringify(message)}`);
        return message.result;
      }),
    );
  }

  async stop(): Promise<void> {
    for (const child of this.children) await child.stop();
  }
}

/** Generator i's part of `total` connections: as even as they divide. */
function share(total: number, count: number, i: number): number {
  return Math.floor(total / count) + (i < total % count ? 1 : 0);
}

function nextMessage(generator: ChildProcess, child: Child, timeoutMs: number): Promise<GeneratorMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(childError(child, `did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(childError(child, `exited with code ${code}`));
    };
    generator.once('exit', onExit);
    generator.once('message', (message: GeneratorMessage) => {
      clearTimeout(timer);
      generator.removeListener('exit', onExit);
      resolve(message);
    });
  });
}
