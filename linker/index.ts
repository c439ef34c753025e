/**
 * ppc64-ld as a library: link(options, host) → { output, map, diagnostics }. The driver reads
 * top to bottom: scripts, inputs and symbols, relocation scan, section matching, garbage
 * collection, layout, contents, relocation, file layout, output. No output when an error is counted.
 */
import { DiagnosticBag, type Diagnostic } from '../common/diagnostics.js';
import type { Host } from '../common/host.js';
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS } from '../elf/constants.js';
import { collectGarbage } from './gc.js';
import { loadInputs, newInputSection } from './input.js';
import { type LayoutState, createLayoutState, runLayout } from './layout.js';
import { writeMap } from './map.js';
import { matchSections } from './match.js';
import type { LinkOptions } from './options.js';
import { allocateGot, applyRelocations, createGotSections, decodeRelocations, synthesizeDotSymbols } from './relocations.js';
import type { Assign, Expr, Script } from './script/ast.js';
import { emptyScript } from './script/ast.js';
import { DEFAULT_SCRIPT_JSON, scriptFromJson } from './script/default.js';
import { parseExpression, parseScript } from './script/parser.js';
import { layoutFile, planSegments, planUserSegments, type Segment } from './segments.js';
import { lookupOrCreate, symbolAddress } from './symbols.js';
import type { Ctx, InputSection, ObjectFile, OutputSection } from './types.js';
import { buildContents, writeBinary, writeExecutable } from './writer.js';

export interface LinkResult {
  output?: Uint8Array;
  map?: string;
  diagnostics: Diagnostic[];
}

export { parseArgs, HELP, VERSION, type LinkOptions } from './options.js';

const TOC_BIAS = 0x8000n;

function loadScripts(opts: LinkOptions, host: Host, diags: DiagnosticBag): { script: Script; isDefault: boolean } {
  if (opts.scripts.length === 0) return { script: scriptFromJson(DEFAULT_SCRIPT_JSON), isDefault: true };
  const merged = emptyScript();
  for (const path of opts.scripts) {
    const bytes = host.readFile(path);
    if (!bytes) {
      diags.add({ severity: 'error', message: `cannot open linker script file ${path}: No such file or directory` });
      continue;
    }
    const r = parseScript(new TextDecoder().decode(bytes), path);
    for (const d of r.diagnostics) diags.add(d);
    if (!r.script) continue;
    const s = r.script;
    if (s.entry) merged.entry = s.entry;
    merged.hasSections ||= s.hasSections;
    merged.sections.push(...s.sections);
    merged.memory.push(...s.memory);
    merged.phdrs.push(...s.phdrs);
    merged.inputs.push(...s.inputs);
    merged.externs.push(...s.externs);
  }
  return { script: merged, isDefault: false };
}

function collectRefs(script: Script, defsyms: Assign[]): Set<string> {
  const refs = new Set<string>();
  const walk = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.k) {
      case 'sym':
        refs.add(e.name);
        break;
      case 'un':
        walk(e.a);
        break;
      case 'bin':
        walk(e.a);
        walk(e.b);
        break;
      case 'cond':
        walk(e.c);
        walk(e.a);
        walk(e.b);
        break;
      case 'call':
        e.args.forEach(walk);
        break;
    }
  };
  for (const it of script.sections) {
    if (it.k === 'assign' || it.k === 'assert') walk(it.expr);
    if (it.k !== 'osec') continue;
    walk(it.addr);
    walk(it.lma);
    walk(it.align);
    for (const c of it.cmds) if (c.k === 'assign' || c.k === 'assert' || c.k === 'data' || c.k === 'fill') walk(c.expr);
  }
  for (const d of defsyms) walk(d.expr);
  return refs;
}

function linkerFile(): ObjectFile {
  return { name: '<linker>', path: '<linker>', member: undefined, eflags: 0, sections: [], symbols: [], order: -1 };
}

function syntheticSection(file: ObjectFile, name: string, flags: bigint, align: bigint, write?: InputSection['synthetic']): InputSection {
  const s = newInputSection(file, -1, name, 1, flags, align, 0n, new Uint8Array(0));
  if (write) s.synthetic = write;
  return s;
}

/** Common symbols become NOBITS sections of their defining file, matched by `*(COMMON)`. */
function allocateCommons(ctx: Ctx): void {
  ctx.globals.forEach((s) => {
    if (s.kind !== 'common' || !s.file) return;
    const sec = newInputSection(s.file, -2, 'COMMON', SHT_NOBITS, SHF_ALLOC | SHF_WRITE, s.commonAlign ?? 1n, s.size, new Uint8Array(0));
    s.file.sections.push(sec);
    Object.assign(s, { kind: 'defined', section: sec, value: 0n });
  });
}

/**
 * GNU ld's TOC pointer: 0x8000 past the start of .got (else .toc, .tocbss, .plt); with none of
 * those, past the first small-data section, else the first writable allocated section, else the
 * first allocated one; the start is rounded down to 256 bytes.
 */
function computeTocBase(outputs: OutputSection[]): bigint {
  const live = outputs.filter((o) => o.exists && o.alloc);
  let sec: OutputSection | undefined;
  for (const n of ['.got', '.toc', '.tocbss', '.plt']) {
    sec = live.find((x) => x.name === n && x.size > 0n);
    if (sec) break;
  }
  sec ??= live.find((o) => /^\.s(data|bss)/.test(o.name) && (o.flags & SHF_WRITE) !== 0n);
  sec ??= live.find((o) => (o.flags & SHF_WRITE) !== 0n);
  sec ??= live[0];
  const start = sec ? sec.addr : 0n;
  return start - (start & 0xffn) + TOC_BIAS;
}

function defineStartStop(ctx: Ctx, outputs: OutputSection[]): void {
  ctx.globals.forEach((s) => {
    if (s.kind !== 'undefined' || !s.referenced || !s.name.startsWith('__')) return;
    const m = /^__(start|stop)_([A-Za-z_][A-Za-z0-9_]*)$/.exec(s.name);
    if (!m) return;
    const o = outputs.find((x) => x.name === m[2] && x.exists);
    if (!o) return;
    Object.assign(s, { kind: 'defined', section: null, scriptSection: o, value: m[1] === 'start' ? o.addr : o.addr + o.size, file: null, other: 3 });
  });
}

export function link(opts: LinkOptions, host: Host): LinkResult {
  const diags = new DiagnosticBag();
  // (The `performance` global loads Node's perf_hooks on first use: only touch it for --stats.)
  let lastMark = opts.stats ? performance.now() : 0;
  const mark = (phase: string): void => {
    if (!opts.stats) return;
    const now = performance.now();
    diags.add({ severity: 'note', message: `stats: ${phase}: ${(now - lastMark).toFixed(1)} ms` });
    lastMark = now;
  };
  const done = (extra: Partial<LinkResult> = {}): LinkResult => ({ ...(diags.hasErrors ? {} : extra), diagnostics: diags.items });

  const { script } = loadScripts(opts, host, diags);
  const defsyms: Assign[] = [];
  for (const d of opts.defsyms) {
    const r = parseExpression(d.expr, `--defsym ${d.name}`);
    for (const x of r.diagnostics) diags.add(x);
    if (r.expr) defsyms.push({ k: 'assign', name: d.name, op: '=', expr: r.expr, provide: false, hidden: false, loc: { file: '--defsym', line: 1, col: 1 } });
  }
  if (diags.hasErrors) return done();
  if (opts.inputs.filter((i) => i.kind === 'file' || i.kind === 'library').length === 0 && script.inputs.length === 0) {
    diags.add({ severity: 'error', message: 'no input files' });
    return done();
  }

  const lf = linkerFile();
  const ctx: Ctx = {
    opts, host, diags, files: [], archives: [], globals: new Map(), script, outputs: [], tocBase: 0n,
    got: { entries: [], byKey: new Map() }, gotByFile: new Map(), linkerFile: lf, comdats: new Set(), defsyms,
    scriptRefs: collectRefs(script, defsyms), archiveLog: [],
  };
  const entryName = opts.entry ?? script.entry?.name ?? '_start';
  for (const n of [...opts.undefined, ...script.externs, entryName]) {
    const s = lookupOrCreate(ctx, n);
    s.referenced = true;
    s.strongRef = true;
  }
  for (const n of ctx.scriptRefs) {
    const s = ctx.globals.get(n);
    if (s) s.referenced = true;
  }

  mark('scripts');
  loadInputs(ctx, script.inputs.map((i) => i.path));
  mark('read inputs and resolve symbols');
  if (diags.hasErrors) return done();
  for (const n of ctx.scriptRefs) {
    const s = ctx.globals.get(n);
    if (s) s.referenced = true;
  }
  allocateCommons(ctx);
  const gotUsers = decodeRelocations(ctx);
  mark('decode relocations');
  if (diags.hasErrors) return done();
  synthesizeDotSymbols(ctx);

  // Linker-created input sections: the GOT header (the TOC pointer, GNU ld's first .got word).
  const gotHeader = syntheticSection(lf, '.got', SHF_ALLOC | SHF_WRITE, 8n, {
    write: (out, at, c) => new DataView(out.buffer, out.byteOffset).setBigUint64(at, c.tocBase),
  });
  lf.sections.push(gotHeader);
  // GNU ld's ppc64 back end always creates (usually empty) .eh_frame and .branch_lt sections for
  // its stubs. They are removed from the output only after addresses are fixed, so their
  // alignment still moves what follows them. Model them as layout-only sections.
  for (const [name, flags, align] of [['.eh_frame', SHF_ALLOC, 4n], ['.branch_lt', SHF_ALLOC | SHF_WRITE, 8n]] as const) {
    const s = syntheticSection(lf, name, flags, align);
    s.keepEmpty = true;
    lf.sections.push(s);
  }
  createGotSections(ctx, gotUsers);
  for (let k = 0; k < ctx.files.length; k++) {
    const secs = ctx.files[k]!.sections;
    for (let i = 0; i < secs.length; i++) {
      const s = secs[i];
      if (s?.name === '.note.GNU-stack') ctx.gnuStack = (ctx.gnuStack ?? false) || (s.flags & SHF_EXECINSTR) !== 0n;
    }
  }

  const plan = matchSections(ctx);
  mark('match sections');
  if (opts.gcSections) collectGarbage(ctx, entryName);
  allocateGot(ctx);
  mark('gc and GOT');
  const tocSym = ctx.globals.get('.TOC.');
  if (tocSym && tocSym.kind === 'undefined') Object.assign(tocSym, { kind: 'defined', section: null, value: 0n, scriptSection: null, file: null, other: 2 });

  // Layout, redone when the program header count (SIZEOF_HEADERS) turns out different.
  let phnum = script.phdrs.length || 2 + (ctx.gnuStack !== undefined ? 1 : 0);
  const doLayout = (): { st: LayoutState; segs: Segment[] } | undefined => {
    let st = createLayoutState(plan, phnum);
    let segs: Segment[] = [];
    for (let round = 0; round < 4; round++) {
      st = createLayoutState(plan, phnum);
      if (!runLayout(ctx, st)) return undefined;
      segs = script.phdrs.length ? planUserSegments(ctx, st.outputs, envForPhdrs()) : planSegments(ctx, st.outputs, BigInt(64 + 56 * phnum));
      if (segs.length === phnum) break;
      phnum = segs.length;
    }
    return { st, segs };
  };
  const laid = doLayout();
  mark('layout');
  if (!laid) return done();
  const { st, segs } = laid;
  if (diags.hasErrors) return done();
  const outputs = st.outputs;
  ctx.outputs = outputs;
  // The layout-only stub sections leave no trace in the output once addresses are fixed.
  for (const o of outputs) {
    if (o.exists && o.size === 0n && o.orphan && !o.hasSymbols && o.pieces.length > 0 && o.pieces.every((p) => p.kind === 'input' && p.section.keepEmpty)) o.exists = false;
  }
  let shndx = 1;
  for (const o of outputs) o.shndx = o.exists ? shndx++ : 0;

  ctx.tocBase = computeTocBase(outputs);
  if (tocSym && tocSym.kind === 'defined' && tocSym.scriptSection === null && tocSym.file === null) {
    tocSym.value = ctx.tocBase;
    tocSym.scriptSection = outputs.find((o) => o.name === '.got' && o.exists) ?? null;
  }
  defineStartStop(ctx, outputs);

  const entry = resolveEntry(ctx, entryName, outputs, opts.entry !== undefined || script.entry !== undefined);
  const buffers = buildContents(ctx, outputs);
  mark('contents');
  applyRelocations(ctx, buffers);
  mark('relocate');
  if (diags.hasErrors) return done();

  const fileLayout = layoutFile(ctx, segs, outputs, phnum);
  const output = opts.oformat === 'binary' ? writeBinary(ctx, outputs, buffers) : writeExecutable(ctx, outputs, buffers, fileLayout, entry);
  if (opts.fatalWarnings && diags.items.some((d) => d.severity === 'warning')) diags.add({ severity: 'error', message: 'warnings treated as errors (--fatal-warnings)' });
  mark('write output');
  const map = opts.mapFile !== undefined ? writeMap(ctx, outputs, entry) : undefined;
  return done({ ...(output ? { output } : {}), ...(map !== undefined ? { map } : {}) });

  function envForPhdrs() {
    return {
      dot: () => 0n, symbol: (n: string) => {
        const s = ctx.globals.get(n);
        return s && s.kind === 'defined' ? { v: symbolAddress(s), abs: false } : undefined;
      },
      isDefined: (n: string) => ctx.globals.get(n)?.kind === 'defined', section: () => undefined, region: () => undefined,
      sizeofHeaders: () => BigInt(64 + 56 * phnum), maxPageSize: opts.maxPageSize, commonPageSize: opts.commonPageSize,
      dataSegmentAlign: () => 0n, dataSegmentRelroEnd: (_o: bigint, e: bigint) => e, dataSegmentEnd: (e: bigint) => e,
      error: (message: string, loc: Diagnostic['loc']) => diags.add({ severity: 'error', message, ...(loc ? { loc } : {}) }),
    };
  }
}

function resolveEntry(ctx: Ctx, name: string, outputs: OutputSection[], explicit: boolean): bigint {
  const s = ctx.globals.get(name);
  if (s && (s.kind === 'defined' || s.kind === 'common')) return symbolAddress(s);
  if (/^(0x[0-9a-f]+|[0-9]+)$/i.test(name)) return BigInt(name);
  const text = outputs.find((o) => o.name === '.text' && o.exists) ?? outputs.find((o) => o.exists && o.alloc);
  const addr = text?.addr ?? 0n;
  if (explicit || ctx.files.length) {
    ctx.diags.add({ severity: 'warning', message: `cannot find entry symbol ${name}; defaulting to 0x${addr.toString(16).padStart(16, '0')}` });
  }
  return addr;
}
