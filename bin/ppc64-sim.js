#!/usr/bin/env node
// Thin launcher: the tool lives in simulator/cli.ts, built into dist/ by `make build` (see common/launch.ts).
import { launch } from '../dist/common/launch.js';
process.exitCode = await launch('ppc64-sim', new URL('../dist/simulator/cli.js', import.meta.url), process.argv.slice(2));
