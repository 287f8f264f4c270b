// Runs the workspace's TypeScript in place, without a build step: `node --require
// ./tools/typescript/register.cjs <file>`, or required first thing by a script. Used by
// `npm run bench` (and the processes it forks, which inherit the flag) and by the integration
// tests' global setup (tools/testing).
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

require('ts-node').register({
  transpileOnly: true,
  compilerOptions: { module: 'commonjs' },
});

// ts-node does not apply tsconfig `paths`, and tsconfig-paths is not a dependency: map each
// `@beacon/*` alias of tsconfig.base.json to its source file ourselves, so scripts import the
// libraries through their public entry points exactly as the apps do, and a new library needs no
// change here.
const root = path.resolve(__dirname, '..', '..');
const { config, error } = ts.readConfigFile(path.join(root, 'tsconfig.base.json'), ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const aliases = new Map(Object.entries(config.compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, path.resolve(root, target)]));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};
