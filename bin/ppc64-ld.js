#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
// Thin launcher: the tool lives in linker/cli.ts, built into dist/ by `make build` (see common/launch.ts).
import { launch } from '../dist/common/launch.js';
process.exitCode = await launch('ppc64-ld', new URL('../dist/linker/cli.js', import.meta.url), process.argv.slice(2));
