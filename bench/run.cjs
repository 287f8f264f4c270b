// Entry point of `npm run bench [-- <name>...]`: runs the TypeScript harness in place, without a
// build step, the way the integration tests' global setup does (tools/testing).
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

require('ts-node').register({
  transpileOnly: true,
  compilerOptions: { module: 'commonjs' },
});

// ts-node does not apply tsconfig `paths`, and tsconfig-paths is not a dependency: map each
// `@beacon/*` alias of tsconfig.base.json to its source file ourselves, so the benchmarks import
// the libraries exactly as the apps do and a new library needs no change here.
const root = path.resolve(__dirname, '..');
const { config, error } = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const aliases = new Map(
  Object.entries(config.compilerOptions.paths ?? {}).map(([alias, [target]]) => [
    alias,
    path.resolve(root, target),
  ]),
);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

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
