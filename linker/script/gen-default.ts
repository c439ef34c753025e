/**
 * Regenerates DEFAULT_SCRIPT_JSON in linker/script/default.ts from DEFAULT_SCRIPT (run
 * `node dist/linker/script/gen-default.js` after building). Writes only when the text changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCRIPT, DEFAULT_SCRIPT_FILE, scriptToJson } from './default.js';
import { parseScript } from './parser.js';

const BEGIN = '// BEGIN GENERATED (node dist/linker/script/gen-default.js)\n';
const END = '// END GENERATED\n';

/** A single-quoted string literal (JSON text needs no escapes then, but for backslashes). */
const quote = (s: string): string => `'${s.replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n')}'`;

/** The generated block for a script's JSON: string literals of at most 110 characters, joined. */
export function generatedBlock(json: string): string {
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += 110) parts.push(quote(json.slice(i, i + 110)));
  return `${BEGIN}export const DEFAULT_SCRIPT_JSON =\n  ${parts.join(' +\n  ')};\n${END}`;
}

/** default.ts's text with its generated block made from DEFAULT_SCRIPT. */
export function regenerate(source: string): string | { error: string } {
  const r = parseScript(DEFAULT_SCRIPT, DEFAULT_SCRIPT_FILE);
  if (!r.script) return { error: `the default script does not parse: ${r.diagnostics.map((d) => d.message).join('; ')}` };
  const start = source.indexOf(BEGIN);
  const end = source.indexOf(END, start);
  if (start < 0 || end < 0) return { error: 'default.ts has no generated block' };
  return source.slice(0, start) + generatedBlock(scriptToJson(r.script)) + source.slice(end + END.length);
}

function main(): number {
  const path = resolve(fileURLToPath(import.meta.url), '../../../../linker/script/default.ts');
  const before = readFileSync(path, 'utf8');
  const after = regenerate(before);
  if (typeof after !== 'string') {
    process.stderr.write(`gen-default: ${after.error}\n`);
    return 1;
  }
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(after !== before ? `gen-default: updated ${path}\n` : 'gen-default: up to date\n');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
