/** Glob patterns of linker scripts (`*`, `?`, `[a-z]`, `[!x]`), compiled once to a predicate. */
import type { Pattern } from './ast.js';

const WILD = /[*?[]/;

export function compilePattern(text: string): Pattern {
  if (!WILD.test(text)) return { text, match: (s) => s === text };
  if (text === '*') return { text, match: () => true };
  // The common shapes ".text.*" and "*foo" avoid a regex.
  const star = text.indexOf('*');
  if (star === text.length - 1 && !WILD.test(text.slice(0, -1))) {
    const prefix = text.slice(0, -1);
    return { text, match: (s) => s.startsWith(prefix) };
  }
  if (star === 0 && !WILD.test(text.slice(1))) {
    const suffix = text.slice(1);
    return { text, match: (s) => s.endsWith(suffix) };
  }
  let re = '^';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[') {
      const close = text.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = text.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else re += ch.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  const rx = new RegExp(re + '$', 's');
  return { text, match: (s) => rx.test(s) };
}

/**
 * GNU ld matches a file pattern against the path as written on the command line; archive members
 * match by member name or with an "archive:member" pattern.
 */
export function matchFile(p: Pattern, path: string, member: string | undefined): boolean {
  if (p.text === '*') return true;
  if (member !== undefined) {
    const colon = p.text.indexOf(':');
    if (colon >= 0) {
      const a = compilePattern(p.text.slice(0, colon) || '*');
      const m = compilePattern(p.text.slice(colon + 1) || '*');
      return (a.match(path) || a.match(basename(path))) && m.match(member);
    }
    return p.match(member) || p.match(path);
  }
  return p.match(path);
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}
