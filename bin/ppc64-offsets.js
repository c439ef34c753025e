#!/usr/bin/env node
// Thin launcher: the tool lives in offsets/cli.ts, compiled to dist/ by `npm run build`.
import { main } from '../dist/offsets/cli.js';
process.exitCode = await main(process.argv.slice(2));
