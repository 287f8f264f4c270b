// Entry point of `npm run bench [-- <name>...]`, which starts it with
// `--require ./tools/typescript/register.cjs`: the TypeScript harness runs in place, and the
// `@beacon/*` libraries load through their public entry points, as the apps import them.
// A harness stopped with SIGTERM (`kill`, a CI job's time-out) cleans up as on Ctrl-C: each
// benchmark's servers, PostgreSQL and Elasticsearch listen for SIGINT, stop, and remove their data.
process.on('SIGTERM', () => {
  console.error('terminated: cleaning up as on Ctrl-C');
  if (process.listenerCount('SIGINT') === 0) process.exit(143);
  process.emit('SIGINT', 'SIGINT');
});

require('./runner')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
