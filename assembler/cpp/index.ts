/**
 * The C preprocessor in front of the assembler: `gcc -E -x assembler-with-cpp`.
 *
 * preprocess() returns text in exactly the shape gcc prints: GNU line
 * markers (`# 1 "file.S"`, `# 1 "inc.h" 1` on entering an include,
 * `# 12 "file.S" 2` on return), short runs of blank lines kept so every
 * output line stays on its source line. The assembler's front end reads the
 * markers back to attribute each line to its file:line.
 */
import type { DiagnosticBag } from '../../common/diagnostics.js';
import type { Host } from '../../common/host.js';
import { installPragmaOperator } from './directives.js';
import { Cpp, pathKey } from './engine.js';
import { BUILTINS, builtinMacro } from './macros.js';
import { PREDEFINED } from './predefined.js';
import { EOF } from './tokens.js';

export interface CppOptions {
  /** -I, searched in order ("..." first searches the including file's directory). */
  includeDirs: readonly string[];
  /** -D NAME[=VALUE], in command-line order (applied before the undefines). */
  defines: readonly (readonly [string, string | undefined])[];
  /** -U NAME. */
  undefines: readonly string[];
}

/** Preprocesses `text` (the contents of `path`); errors go to `bag`. */
export function preprocess(path: string, text: string, options: CppOptions, host: Host, bag: DiagnosticBag): string {
  return preprocessWith(path, text, options, host, bag, {});
}

export interface CppTuning {
  /** Use the fast line path (default true). Tests turn it off to check both paths agree. */
  fastPath?: boolean;
  /** Stream the output to `sink` in chunks (then the return value is ''). */
  sink?: (chars: Uint16Array) => void;
}

export function preprocessWith(
  path: string, text: string, options: CppOptions, host: Host, bag: DiagnosticBag, tuning: CppTuning,
): string {
  const pp = new Cpp({ includeDirs: options.includeDirs }, host, bag);
  pp.fastOk = tuning.fastPath ?? true;
  if (tuning.sink) pp.sink = tuning.sink;
  installPragmaOperator(pp);
  for (const [name, kind] of BUILTINS) pp.macros.set(name, builtinMacro(name, kind));

  pp.silent = true;
  runDirectives(pp, '<built-in>', PREDEFINED.map(([n, v]) => `#define ${n} ${v}\n`).join(''));
  let cmd = '';
  for (const [name, value] of options.defines) cmd += `#define ${name} ${value ?? '1'}\n`;
  for (const name of options.undefines) cmd += `#undef ${name}\n`;
  if (cmd) runDirectives(pp, '<command-line>', cmd);
  pp.silent = false;

  pp.baseFile = path;
  pp.pushBuffer(path, text, pathKey(path), -1, []);
  pp.printer.start(path);
  try {
    return pp.run();
  } catch (e) {
    // Last line of defence: pathological nesting must be a diagnostic, not a stack trace.
    if (e instanceof RangeError) {
      bag.error(`input nested too deeply to preprocess (${e.message})`, { file: pp.buf.name, line: pp.buf.lexer.physLine, col: 1 });
      return '';
    }
    throw e;
  }
}

/** Runs a block of #define/#undef lines without producing output. */
function runDirectives(pp: Cpp, name: string, text: string): void {
  pp.pushBuffer(name, text, name, -1, []);
  while (pp.getToken().type !== EOF) {
    /* only directives matter here */
  }
  pp.buffers.length = 0;
}
