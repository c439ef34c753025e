/**
 * --gc-sections: keep only the allocated sections reachable through relocations from the roots
 * (the entry symbol, -u/EXTERN symbols, symbols the script mentions, KEEP() sections, and
 * __start_/__stop_ targets). Non-allocated sections (debug info, notes) are always kept.
 */
import { SHF_ALLOC } from '../elf/constants.js';
import { relSym } from './reloc-table.js';
import type { Ctx, InputSection, Sym } from './types.js';

const C_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function collectGarbage(ctx: Ctx, entryName: string | undefined): void {
  const all: InputSection[] = [];
  for (const f of [ctx.linkerFile, ...ctx.files]) for (const s of f.sections) if (s) all.push(s);
  for (const s of all) s.live = (s.flags & SHF_ALLOC) === 0n || !!s.synthetic || s.keep || !!s.keepEmpty;

  const work: InputSection[] = all.filter((s) => s.live);
  const markSym = (sym: Sym | undefined): void => {
    const sec = sym?.section;
    if (sym && (sym.kind === 'defined' || sym.kind === 'common') && sec && !sec.live) {
      sec.live = true;
      work.push(sec);
    }
  };
  const rootNames = [...ctx.opts.undefined, ...ctx.script.externs, ...ctx.scriptRefs];
  if (entryName) rootNames.push(entryName);
  for (const n of rootNames) markSym(ctx.globals.get(n));
  // Sections reachable by __start_NAME / __stop_NAME are kept when those symbols are used.
  const startStop = new Set<string>();
  for (const s of ctx.globals.values()) {
    const m = /^__(start|stop)_(.+)$/.exec(s.name);
    if (m && s.referenced && C_IDENT.test(m[2]!)) startStop.add(m[2]!);
  }
  for (const s of all) {
    if (!s.live && startStop.has(s.name)) {
      s.live = true;
      work.push(s);
    }
  }
  while (work.length) {
    const sec = work.pop()!;
    const t = sec.relocs;
    if (t) for (let i = 0; i < t.count; i++) markSym(sec.file.symbols[relSym(t, i)]);
  }
  if (ctx.opts.printGcSections) {
    for (const s of all) {
      if (!s.live && s.size > 0n) ctx.diags.add({ severity: 'note', message: `removing unused section '${s.name}' in file '${s.file.name}'` });
    }
  }
}
