// How each bin/ launcher starts its tool. CommonJS, like the launchers (bin/package.json): Node
// loads a CommonJS entry without its ES module loader, 10-20 ms less per run. The launch logic is
// common/launch.ts, run from its CommonJS bundle (dist/bundle/launch.cjs, made by `make build`)
// while that bundle is at least as new as the module's build, else imported as the ES module.
'use strict';
const { statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const DIST = join(__dirname, '..', 'dist');

/** Run tool `tool`, whose cli module is dist/<folder>/cli.js, with this process's arguments. */
module.exports = function start(tool, folder) {
  const bundled = join(DIST, 'bundle', 'launch.cjs');
  const module = join(DIST, 'common', 'launch.js');
  const b = statSync(bundled, { throwIfNoEntry: false });
  const m = statSync(module, { throwIfNoEntry: false });
  const launcher = b !== undefined && m !== undefined && b.mtimeMs >= m.mtimeMs ? Promise.resolve(require(bundled)) : import(pathToFileURL(module).href);
  const cli = pathToFileURL(join(DIST, folder, 'cli.js'));
  launcher.then((l) => l.launch(tool, cli, process.argv.slice(2))).then((status) => {
    process.exitCode = status;
  });
};
