// Entry point of `npm run bench [-- <name>...]`, which starts it with
// `--require ./tools/typescript/register.cjs`: the TypeScript harness runs in place, and the
// `@beacon/*` libraries load through their public entry points, as the apps import them.
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
