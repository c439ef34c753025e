#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
// Thin launcher: the tool lives in linker/cli.ts, built into dist/ by `make build` (see common/launch.ts).
require('./start.cjs')('ppc64-ld', 'linker');
