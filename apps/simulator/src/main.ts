import { RegistrationRefused } from './http/register-fleet';
import { OptionsError, parseSimulatorOptions, USAGE } from './options/simulator-options';
import { runSimulator } from './run/run-simulator';

/**
 * `npm run simulate -- --vehicles 1000 --aircraft 200 --interval 5s --duration 10m --key <key>`:
 * simulated traffic sent to a Beacon through its HTTP API (apps/simulator/README.md).
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const options = parseSimulatorOptions(argv, process.env);
  // Ctrl-C stops sending, waits for the answers in flight and still prints the summary; a second one quits.
  const stop = new AbortController();
  process.once('SIGINT', () => {
    stop.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  await runSimulator(options, (text) => console.log(text), stop.signal);
}

main().catch((error: unknown) => {
  const usage = error instanceof OptionsError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_');
  if (usage) console.error(`${(error as Error).message}\n\n${USAGE}`);
  else console.error(error instanceof RegistrationRefused ? error.message : error);
  process.exit(usage ? 2 : 1);
});
