/**
 * ppc64-ld against GNU ld: the same objects and scripts must give the same loaded bytes, symbol
 * addresses, entry point and PT_LOAD headers. Inputs are GNU-assembled from test/linker/inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GNU, run, tempDir } from './gnu-tools.js';
import { INPUTS, assembleInput, describeImage, linkGnu, linkOurs, symbolDiff } from './harness.js';

const SOURCES = ['hello', 'main', 'helper1', 'helper2', 'strong_hook', 'arch_main', 'util_a', 'util_b', 'util_c', 'util_d', 'vectors', 'gc', 'relocs', 'relocs2', 'opd', 'hint', 'dataseg', 'dataseg_plain'];

let dir = '';
const obj: Record<string, string> = {};
const lds = (name: string): string => join(INPUTS, name);

beforeAll(() => {
  dir = tempDir('ppc64-ld-diff-');
  for (const s of SOURCES) obj[s] = assembleInput(dir, s);
  // The archive: util_b is never needed; util_c is needed only through util_a, util_d only through util_c.
  run(GNU.ar, ['rcs', join(dir, 'libutil.a'), obj.util_a!, obj.util_b!, obj.util_c!, obj.util_d!]);
});

/**
 * Link both ways and compare. `gnuExtra` holds options only GNU ld needs to stay comparable
 * (--no-toc-optimize: ppc64-ld does not rewrite TOC/GOT code sequences).
 */
function same(name: string, args: string[], gnuExtra: string[] = []): { ours: ReturnType<typeof describeImage>; map?: string } {
  const ours = linkOurs(dir, name, args);
  const gnuPath = linkGnu(dir, name, [...gnuExtra, ...args]);
  const a = describeImage(gnuPath);
  const b = describeImage(ours.path);
  expect(b.loaded.length, 'loaded image size').toBe(a.loaded.length);
  expect(Buffer.compare(a.loaded, b.loaded), 'loaded bytes differ').toBe(0);
  expect(symbolDiff(a.symbols, b.symbols)).toEqual([]);
  expect(b.entry).toBe(a.entry);
  expect(b.eflags).toBe(a.eflags);
  expect(b.loads).toEqual(a.loads);
  return { ours: b, ...(ours.map !== undefined ? { map: ours.map } : {}) };
}

describe('ppc64-ld vs GNU ld', () => {
  it('one object, default layout (text, rodata, data, bss at GNU ld addresses)', () => {
    const { ours } = same('hello', [obj.hello!]);
    expect(ours.symbols.get('_start')).toBe(0x100000b0n);
    expect(ours.symbols.get('_end')).toBeDefined();
  });

  it('many objects: cross-file calls, data pointers, weak and common symbols', () => {
    same('many', [obj.main!, obj.helper1!, obj.helper2!]);
  });

  it('a strong definition overrides a weak one', () => {
    const { ours } = same('strong', [obj.main!, obj.helper1!, obj.helper2!, obj.strong_hook!]);
    expect(ours.symbols.has('weak_hook')).toBe(true);
  });

  it('archives: only the members needed, in archive index order, pulled transitively', () => {
    const { map } = same('archive', ['-Map', join(dir, 'archive.map'), obj.arch_main!, join(dir, 'libutil.a')]);
    expect(map).toContain('libutil.a(util_a.o)');
    expect(map).toContain('libutil.a(util_d.o)');
    expect(map).not.toContain('util_b.o');
  });

  it('archives inside --start-group/--end-group', () => {
    same('group', ['--start-group', join(dir, 'libutil.a'), '--end-group', obj.arch_main!, join(dir, 'libutil.a')]);
  });

  it('kernel-style script: vectors at fixed offsets, AT() load addresses, .opd, .toc, ASSERT, PROVIDE, /DISCARD/', () => {
    const { ours } = same('vectors', ['-T', lds('vectors.lds'), obj.vectors!], ['--no-toc-optimize']);
    expect(ours.symbols.get('vec_0x100')).toBe(0xc000000000000100n);
    expect(ours.symbols.get('vec_0x900')).toBe(0xc000000000000900n);
    expect(ours.loads[0]).toMatch(/^vaddr=0xc000000000000000 paddr=0x0 /);
  });

  it('--gc-sections keeps what the entry reaches and KEEP(), drops the rest', () => {
    const { ours } = same('gc', ['--gc-sections', '-T', lds('gc.lds'), obj.gc!]);
    expect(ours.symbols.has('unused_fn')).toBe(false);
    expect(ours.symbols.has('unused_data')).toBe(false);
    expect(ours.symbols.has('unused_fn2')).toBe(true); // reached from the KEEP() section
    expect(ours.symbols.has('used_fn')).toBe(true);
  });

  it('every relocation the assembler emits (ADDR*, REL*, @h/@ha/@high*/@higher*/@highest*, DS, TOC16*, TOC, GOT16_DS)', () => {
    same('relocs', ['-T', lds('relocs.lds'), obj.relocs!, obj.relocs2!], ['--no-toc-optimize']);
  });

  it('branch-prediction relocations set the same hint bits', () => {
    same('hint', ['-T', lds('hint.lds'), obj.hint!]);
  });

  it('MEMORY regions with >region AT>region, NOLOAD, LOADADDR/ORIGIN/LENGTH/SIZEOF/MAX/DEFINED', () => {
    const { ours } = same('memory', ['-T', lds('memory.lds'), obj.hello!, obj.relocs2!]);
    expect(ours.symbols.get('_undef_test')).toBe(2n);
  });

  it('PHDRS with FLAGS and a PT_NOTE', () => {
    same('phdrs', ['-T', lds('phdrs.lds'), obj.main!, obj.helper1!, obj.helper2!]);
  });

  it('data statements, FILL and =fill, SUBALIGN, and the expression operators', () => {
    const { ours } = same('fill', ['-T', lds('fill.lds'), obj.hello!]);
    expect(ours.symbols.get('sym_cmp')).toBe(6n);
  });

  it('-N (omagic): one RWX segment, no page alignment', () => {
    same('omagic', ['-N', obj.hello!, obj.relocs2!]);
  });

  it('the data segment: relro padded to the max page, else the common-page-saving DATA_SEGMENT_ALIGN, under -z options', () => {
    for (const [tag, args] of [
      ['', []], ['norelro', ['-z', 'norelro']], ['cps4k', ['-z', 'common-page-size=0x1000']], ['cps64k', ['-z', 'common-page-size=0x10000']],
    ] as const) {
      same(`dataseg${tag}`, [...args, obj.dataseg!]);
      same(`dataseg_plain${tag}`, [...args, obj.dataseg_plain!]);
    }
    // The page-saving form is taken here (the segment starts on a 4 KiB boundary, not at the text's offset in the page).
    const { ours } = same('dataseg_plain_check', [obj.dataseg_plain!]);
    expect((ours.symbols.get('table')! & 0xfffn) === 0n).toBe(true);
  });

  it('--defsym, -e and -u', () => {
    const { ours } = same('defsym', ['--defsym', 'answer=0x2a', '--defsym', 'after_start=_start+8', '-e', 'helper_one', '-u', 'util_b', obj.main!, obj.helper1!, obj.helper2!, join(dir, 'libutil.a')]);
    expect(ours.symbols.get('answer')).toBe(0x2an);
    expect(ours.symbols.has('util_b')).toBe(true);
  });

  it('--oformat binary gives the bytes GNU ld gives', () => {
    const args = ['--oformat', 'binary', '-T', lds('vectors.lds'), obj.vectors!];
    const ours = linkOurs(dir, 'flat', args);
    const gnu = linkGnu(dir, 'flat', ['--no-toc-optimize', ...args]);
    expect(Buffer.compare(readFileSync(ours.path), readFileSync(gnu))).toBe(0);
  });

  it('ELFv1 descriptors: bl to a descriptor, a dot symbol made from a descriptor, entry on a descriptor', () => {
    const { ours } = same('opd', [obj.opd!], ['--no-toc-optimize']);
    expect(ours.symbols.get('.callee')).toBeDefined();
    expect(ours.entry).toBe(ours.symbols.get('_start'));
  });

  it("objects from the project's assembler link to the same bytes, alone and mixed with GNU as objects", () => {
    const ourAs = (name: string): string => {
      const out = join(dir, `${name}.ppc64-as.o`);
      const r = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/ppc64-as.js'), '-o', out, join(INPUTS, `${name}.s`)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`ppc64-as failed on ${name}.s (is it built? run \`npx tsc -p tsconfig.json\`):\n${r.stderr}`);
      return out;
    };
    same('mixed', [ourAs('main'), obj.helper1!, ourAs('helper2')]);
    same('mixed-script', ['-T', lds('vectors.lds'), ourAs('vectors')], ['--no-toc-optimize']);
    same('mixed-relocs', ['-T', lds('relocs.lds'), ourAs('relocs'), obj.relocs2!], ['--no-toc-optimize']);
  });

  it('is deterministic: the same link twice gives the same bytes', () => {
    const a = readFileSync(linkOurs(dir, 'det1', [obj.main!, obj.helper1!, obj.helper2!]).path);
    const b = readFileSync(linkOurs(dir, 'det2', [obj.main!, obj.helper1!, obj.helper2!]).path);
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
