/**
 * The layout used when no -T script is given: a static ppc64 executable at 0x10000000 with the
 * ELF headers in the first page, read-only sections, then (on the next page) relro data (.opd,
 * .got with the .toc) ending on a page boundary, small data, data and bss. It reproduces the
 * addresses GNU ld's default for elf64ppc gives static links; written here for our parser.
 *
 * Most links use it, so it also ships parsed (DEFAULT_SCRIPT_JSON below): in a fresh process,
 * reviving the tree takes a fraction of the time that running the parser's code for the first
 * time does. After editing the text, run `node dist/linker/script/gen-default.js` to regenerate it;
 * test/linker/script.test.ts fails while the two disagree.
 */
import type { Script } from './ast.js';
import { compilePattern } from './pattern.js';

export const DEFAULT_SCRIPT_FILE = '<default script>';

export const DEFAULT_SCRIPT = `
ENTRY(_start)
SECTIONS
{
  PROVIDE(__executable_start = 0x10000000);
  . = 0x10000000 + SIZEOF_HEADERS;
  .init : { KEEP(*(SORT_NONE(.init))) }
  .text : {
    *(.text.unlikely .text.*_unlikely .text.unlikely.*)
    *(.text.exit .text.exit.*)
    *(.text.startup .text.startup.*)
    *(.text.hot .text.hot.*)
    *(SORT(.text.sorted.*))
    *(.text .stub .text.*)
    *(.sfpr .glink)
  }
  .fini : { KEEP(*(SORT_NONE(.fini))) }
  PROVIDE(__etext = .);
  PROVIDE(_etext = .);
  PROVIDE(etext = .);
  .rodata : { *(.rodata .rodata.*) }
  .rodata1 : { *(.rodata1) }
  .sdata2 : { *(.sdata2 .sdata2.*) }
  .sbss2 : { *(.sbss2 .sbss2.*) }
  .eh_frame : ONLY_IF_RO { KEEP(*(.eh_frame)) *(.eh_frame.*) }
  .gcc_except_table : ONLY_IF_RO { *(.gcc_except_table .gcc_except_table.*) }
  . = DATA_SEGMENT_ALIGN(CONSTANT(MAXPAGESIZE), CONSTANT(COMMONPAGESIZE));
  .eh_frame : ONLY_IF_RW { KEEP(*(.eh_frame)) *(.eh_frame.*) }
  .gcc_except_table : ONLY_IF_RW { *(.gcc_except_table .gcc_except_table.*) }
  .tdata : { *(.tdata .tdata.*) }
  .tbss : { *(.tbss .tbss.*) *(.tcommon) }
  .preinit_array : {
    PROVIDE_HIDDEN(__preinit_array_start = .);
    KEEP(*(.preinit_array))
    PROVIDE_HIDDEN(__preinit_array_end = .);
  }
  .init_array : {
    PROVIDE_HIDDEN(__init_array_start = .);
    KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*) SORT_BY_INIT_PRIORITY(.ctors.*)))
    KEEP(*(.init_array .ctors))
    PROVIDE_HIDDEN(__init_array_end = .);
  }
  .fini_array : {
    PROVIDE_HIDDEN(__fini_array_start = .);
    KEEP(*(SORT_BY_INIT_PRIORITY(.fini_array.*) SORT_BY_INIT_PRIORITY(.dtors.*)))
    KEEP(*(.fini_array .dtors))
    PROVIDE_HIDDEN(__fini_array_end = .);
  }
  .data.rel.ro : { *(.data.rel.ro.local*) *(.data.rel.ro .data.rel.ro.*) }
  .opd : ALIGN(8) { KEEP(*(.opd)) }
  .toc1 : ALIGN(8) { *(.toc1) }
  .branch_lt : ALIGN(8) { *(.branch_lt) }
  .got : ALIGN(256) { *(.got .toc) }
  . = DATA_SEGMENT_RELRO_END(0, .);
  .sdata : { *(.sdata .sdata.*) }
  .tocbss : ALIGN(8) { *(.tocbss) }
  .sbss : { *(.dynsbss) *(.sbss .sbss.*) *(.scommon) }
  .data : { *(.data .data.*) }
  .data1 : { *(.data1) }
  _edata = .;
  PROVIDE(edata = .);
  __bss_start = .;
  .bss : {
    *(.dynbss)
    *(.bss .bss.*)
    *(COMMON)
    . = ALIGN(. != 0 ? 8 : 1);
  }
  . = ALIGN(8);
  _end = .;
  PROVIDE(end = .);
  . = DATA_SEGMENT_END(.);
  .comment 0 : { *(.comment) }
  /DISCARD/ : { *(.note.GNU-stack) *(.gnu_debuglink) *(.gnu.lto_*) }
}
`;

/**
 * A parsed script as JSON. Patterns keep only their text ({"$p": text}) and numbers become
 * {"$n": decimal}; everything else is plain data already.
 */
export function scriptToJson(script: Script): string {
  return JSON.stringify(script, (_key, v: unknown) => {
    if (typeof v === 'bigint') return { $n: v.toString() };
    if (v && typeof v === 'object' && typeof (v as { match?: unknown }).match === 'function') return { $p: (v as { text: string }).text };
    return v;
  });
}

/** The inverse of scriptToJson: a fresh tree (the link adds orphan descriptions to it). */
export function scriptFromJson(json: string): Script {
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object') {
      if ('$n' in v) return BigInt((v as { $n: string }).$n);
      if ('$p' in v) return compilePattern((v as { $p: string }).$p);
    }
    return v;
  }) as Script;
}

// BEGIN GENERATED (node dist/linker/script/gen-default.js)
export const DEFAULT_SCRIPT_JSON =
  '{"hasSections":true,"sections":[{"k":"assign","name":"__executable_start","op":"=","expr":{"k":"num","v":{"$n"' +
  ':"268435456"}},"provide":true,"hidden":false,"loc":{"file":"<default script>","line":5,"col":11}},{"k":"assign' +
  '","name":".","op":"=","expr":{"k":"bin","op":"+","a":{"k":"num","v":{"$n":"268435456"}},"b":{"k":"call","fn":"' +
  'SIZEOF_HEADERS","args":[],"loc":{"file":"<default script>","line":6,"col":20}},"loc":{"file":"<default script>' +
  '","line":6,"col":18}},"provide":false,"hidden":false,"loc":{"file":"<default script>","line":6,"col":3}},{"k":' +
  '"osec","name":".init","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"patter' +
  'n":{"$p":".init"},"excludeFiles":[]}],"common":false,"keep":true,"sort":"none","loc":{"file":"<default script>' +
  '","line":7,"col":18}}],"loc":{"file":"<default script>","line":7,"col":3}},{"k":"osec","name":".text","phdrs":' +
  '[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".text.unlikely"},"ex' +
  'cludeFiles":[]},{"pattern":{"$p":".text.*_unlikely"},"excludeFiles":[]},{"pattern":{"$p":".text.unlikely.*"},"' +
  'excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":9,"col":5' +
  '}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".text.exit"},"excludeFiles":' +
  '[]},{"pattern":{"$p":".text.exit.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"fil' +
  'e":"<default script>","line":10,"col":5}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"patte' +
  'rn":{"$p":".text.startup"},"excludeFiles":[]},{"pattern":{"$p":".text.startup.*"},"excludeFiles":[]}],"common"' +
  ':false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":11,"col":5}},{"k":"input","file":{"$' +
  'p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".text.hot"},"excludeFiles":[]},{"pattern":{"$p":".text' +
  '.hot.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line"' +
  ':12,"col":5}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".text.sorted.*"},' +
  '"excludeFiles":[]}],"common":false,"keep":false,"sort":"name","loc":{"file":"<default script>","line":13,"col"' +
  ':5}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".text"},"excludeFiles":[]}' +
  ',{"pattern":{"$p":".stub"},"excludeFiles":[]},{"pattern":{"$p":".text.*"},"excludeFiles":[]}],"common":false,"' +
  'keep":false,"sort":"none","loc":{"file":"<default script>","line":14,"col":5}},{"k":"input","file":{"$p":"*"},' +
  '"excludeFiles":[],"sections":[{"pattern":{"$p":".sfpr"},"excludeFiles":[]},{"pattern":{"$p":".glink"},"exclude' +
  'Files":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":15,"col":5}}],"l' +
  'oc":{"file":"<default script>","line":8,"col":3}},{"k":"osec","name":".fini","phdrs":[],"cmds":[{"k":"input","' +
  'file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".fini"},"excludeFiles":[]}],"common":false,"k' +
  'eep":true,"sort":"none","loc":{"file":"<default script>","line":17,"col":18}}],"loc":{"file":"<default script>' +
  '","line":17,"col":3}},{"k":"assign","name":"__etext","op":"=","expr":{"k":"dot","loc":{"file":"<default script' +
  '>","line":18,"col":21}},"provide":true,"hidden":false,"loc":{"file":"<default script>","line":18,"col":11}},{"' +
  'k":"assign","name":"_etext","op":"=","expr":{"k":"dot","loc":{"file":"<default script>","line":19,"col":20}},"' +
  'provide":true,"hidden":false,"loc":{"file":"<default script>","line":19,"col":11}},{"k":"assign","name":"etext' +
  '","op":"=","expr":{"k":"dot","loc":{"file":"<default script>","line":20,"col":19}},"provide":true,"hidden":fal' +
  'se,"loc":{"file":"<default script>","line":20,"col":11}},{"k":"osec","name":".rodata","phdrs":[],"cmds":[{"k":' +
  '"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".rodata"},"excludeFiles":[]},{"patte' +
  'rn":{"$p":".rodata.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default s' +
  'cript>","line":21,"col":15}}],"loc":{"file":"<default script>","line":21,"col":3}},{"k":"osec","name":".rodata' +
  '1","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".rodata1"' +
  '},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":22,"co' +
  'l":16}}],"loc":{"file":"<default script>","line":22,"col":3}},{"k":"osec","name":".sdata2","phdrs":[],"cmds":[' +
  '{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".sdata2"},"excludeFiles":[]},{"' +
  'pattern":{"$p":".sdata2.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<defa' +
  'ult script>","line":23,"col":15}}],"loc":{"file":"<default script>","line":23,"col":3}},{"k":"osec","name":".s' +
  'bss2","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".sbss2' +
  '"},"excludeFiles":[]},{"pattern":{"$p":".sbss2.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"non' +
  'e","loc":{"file":"<default script>","line":24,"col":14}}],"loc":{"file":"<default script>","line":24,"col":3}}' +
  ',{"k":"osec","name":".eh_frame","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections"' +
  ':[{"pattern":{"$p":".eh_frame"},"excludeFiles":[]}],"common":false,"keep":true,"sort":"none","loc":{"file":"<d' +
  'efault script>","line":25,"col":33}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{' +
  '"$p":".eh_frame.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default scri' +
  'pt>","line":25,"col":47}}],"loc":{"file":"<default script>","line":25,"col":3},"constraint":"ONLY_IF_RO"},{"k"' +
  ':"osec","name":".gcc_except_table","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sectio' +
  'ns":[{"pattern":{"$p":".gcc_except_table"},"excludeFiles":[]},{"pattern":{"$p":".gcc_except_table.*"},"exclude' +
  'Files":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":26,"col":36}}],"' +
  'loc":{"file":"<default script>","line":26,"col":3},"constraint":"ONLY_IF_RO"},{"k":"assign","name":".","op":"=' +
  '","expr":{"k":"call","fn":"DATA_SEGMENT_ALIGN","args":[{"k":"call","fn":"CONSTANT","args":[],"name":"MAXPAGESI' +
  'ZE","loc":{"file":"<default script>","line":27,"col":26}},{"k":"call","fn":"CONSTANT","args":[],"name":"COMMON' +
  'PAGESIZE","loc":{"file":"<default script>","line":27,"col":49}}],"loc":{"file":"<default script>","line":27,"c' +
  'ol":7}},"provide":false,"hidden":false,"loc":{"file":"<default script>","line":27,"col":3}},{"k":"osec","name"' +
  ':".eh_frame","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":' +
  '".eh_frame"},"excludeFiles":[]}],"common":false,"keep":true,"sort":"none","loc":{"file":"<default script>","li' +
  'ne":28,"col":33}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".eh_frame.*"}' +
  ',"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":28,"col' +
  '":47}}],"loc":{"file":"<default script>","line":28,"col":3},"constraint":"ONLY_IF_RW"},{"k":"osec","name":".gc' +
  'c_except_table","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$' +
  'p":".gcc_except_table"},"excludeFiles":[]},{"pattern":{"$p":".gcc_except_table.*"},"excludeFiles":[]}],"common' +
  '":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":29,"col":36}}],"loc":{"file":"<defa' +
  'ult script>","line":29,"col":3},"constraint":"ONLY_IF_RW"},{"k":"osec","name":".tdata","phdrs":[],"cmds":[{"k"' +
  ':"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".tdata"},"excludeFiles":[]},{"patte' +
  'rn":{"$p":".tdata.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default sc' +
  'ript>","line":30,"col":14}}],"loc":{"file":"<default script>","line":30,"col":3}},{"k":"osec","name":".tbss","' +
  'phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".tbss"},"excl' +
  'udeFiles":[]},{"pattern":{"$p":".tbss.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":' +
  '{"file":"<default script>","line":31,"col":13}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{' +
  '"pattern":{"$p":".tcommon"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<defa' +
  'ult script>","line":31,"col":30}}],"loc":{"file":"<default script>","line":31,"col":3}},{"k":"osec","name":".p' +
  'reinit_array","phdrs":[],"cmds":[{"k":"assign","name":"__preinit_array_start","op":"=","expr":{"k":"dot","loc"' +
  ':{"file":"<default script>","line":33,"col":44}},"provide":true,"hidden":true,"loc":{"file":"<default script>"' +
  ',"line":33,"col":20}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".preinit_' +
  'array"},"excludeFiles":[]}],"common":false,"keep":true,"sort":"none","loc":{"file":"<default script>","line":3' +
  '4,"col":10}},{"k":"assign","name":"__preinit_array_end","op":"=","expr":{"k":"dot","loc":{"file":"<default scr' +
  'ipt>","line":35,"col":42}},"provide":true,"hidden":true,"loc":{"file":"<default script>","line":35,"col":20}}]' +
  ',"loc":{"file":"<default script>","line":32,"col":3}},{"k":"osec","name":".init_array","phdrs":[],"cmds":[{"k"' +
  ':"assign","name":"__init_array_start","op":"=","expr":{"k":"dot","loc":{"file":"<default script>","line":38,"c' +
  'ol":41}},"provide":true,"hidden":true,"loc":{"file":"<default script>","line":38,"col":20}},{"k":"input","file' +
  '":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".init_array.*"},"excludeFiles":[]},{"pattern":{"$' +
  'p":".ctors.*"},"excludeFiles":[]}],"common":false,"keep":true,"sort":"init_priority","loc":{"file":"<default s' +
  'cript>","line":39,"col":10}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".i' +
  'nit_array"},"excludeFiles":[]},{"pattern":{"$p":".ctors"},"excludeFiles":[]}],"common":false,"keep":true,"sort' +
  '":"none","loc":{"file":"<default script>","line":40,"col":10}},{"k":"assign","name":"__init_array_end","op":"=' +
  '","expr":{"k":"dot","loc":{"file":"<default script>","line":41,"col":39}},"provide":true,"hidden":true,"loc":{' +
  '"file":"<default script>","line":41,"col":20}}],"loc":{"file":"<default script>","line":37,"col":3}},{"k":"ose' +
  'c","name":".fini_array","phdrs":[],"cmds":[{"k":"assign","name":"__fini_array_start","op":"=","expr":{"k":"dot' +
  '","loc":{"file":"<default script>","line":44,"col":41}},"provide":true,"hidden":true,"loc":{"file":"<default s' +
  'cript>","line":44,"col":20}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".f' +
  'ini_array.*"},"excludeFiles":[]},{"pattern":{"$p":".dtors.*"},"excludeFiles":[]}],"common":false,"keep":true,"' +
  'sort":"init_priority","loc":{"file":"<default script>","line":45,"col":10}},{"k":"input","file":{"$p":"*"},"ex' +
  'cludeFiles":[],"sections":[{"pattern":{"$p":".fini_array"},"excludeFiles":[]},{"pattern":{"$p":".dtors"},"excl' +
  'udeFiles":[]}],"common":false,"keep":true,"sort":"none","loc":{"file":"<default script>","line":46,"col":10}},' +
  '{"k":"assign","name":"__fini_array_end","op":"=","expr":{"k":"dot","loc":{"file":"<default script>","line":47,' +
  '"col":39}},"provide":true,"hidden":true,"loc":{"file":"<default script>","line":47,"col":20}}],"loc":{"file":"' +
  '<default script>","line":43,"col":3}},{"k":"osec","name":".data.rel.ro","phdrs":[],"cmds":[{"k":"input","file"' +
  ':{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".data.rel.ro.local*"},"excludeFiles":[]}],"common"' +
  ':false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":49,"col":20}},{"k":"input","file":{"' +
  '$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".data.rel.ro"},"excludeFiles":[]},{"pattern":{"$p":".' +
  'data.rel.ro.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>"' +
  ',"line":49,"col":43}}],"loc":{"file":"<default script>","line":49,"col":3}},{"k":"osec","name":".opd","phdrs":' +
  '[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".opd"},"excludeFiles' +
  '":[]}],"common":false,"keep":true,"sort":"none","loc":{"file":"<default script>","line":50,"col":26}}],"loc":{' +
  '"file":"<default script>","line":50,"col":3},"align":{"k":"num","v":{"$n":"8"}}},{"k":"osec","name":".toc1","p' +
  'hdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".toc1"},"exclu' +
  'deFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":51,"col":22}}]' +
  ',"loc":{"file":"<default script>","line":51,"col":3},"align":{"k":"num","v":{"$n":"8"}}},{"k":"osec","name":".' +
  'branch_lt","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".' +
  'branch_lt"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","li' +
  'ne":52,"col":27}}],"loc":{"file":"<default script>","line":52,"col":3},"align":{"k":"num","v":{"$n":"8"}}},{"k' +
  '":"osec","name":".got","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"patte' +
  'rn":{"$p":".got"},"excludeFiles":[]},{"pattern":{"$p":".toc"},"excludeFiles":[]}],"common":false,"keep":false,' +
  '"sort":"none","loc":{"file":"<default script>","line":53,"col":23}}],"loc":{"file":"<default script>","line":5' +
  '3,"col":3},"align":{"k":"num","v":{"$n":"256"}}},{"k":"assign","name":".","op":"=","expr":{"k":"call","fn":"DA' +
  'TA_SEGMENT_RELRO_END","args":[{"k":"num","v":{"$n":"0"}},{"k":"dot","loc":{"file":"<default script>","line":54' +
  ',"col":33}}],"loc":{"file":"<default script>","line":54,"col":7}},"provide":false,"hidden":false,"loc":{"file"' +
  ':"<default script>","line":54,"col":3}},{"k":"osec","name":".sdata","phdrs":[],"cmds":[{"k":"input","file":{"$' +
  'p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".sdata"},"excludeFiles":[]},{"pattern":{"$p":".sdata.*' +
  '"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":55,"c' +
  'ol":14}}],"loc":{"file":"<default script>","line":55,"col":3}},{"k":"osec","name":".tocbss","phdrs":[],"cmds":' +
  '[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".tocbss"},"excludeFiles":[]}],' +
  '"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":56,"col":24}}],"loc":{"file"' +
  ':"<default script>","line":56,"col":3},"align":{"k":"num","v":{"$n":"8"}}},{"k":"osec","name":".sbss","phdrs":' +
  '[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".dynsbss"},"excludeF' +
  'iles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":57,"col":13}},{"k' +
  '":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".sbss"},"excludeFiles":[]},{"patte' +
  'rn":{"$p":".sbss.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default scr' +
  'ipt>","line":57,"col":25}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".sco' +
  'mmon"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":5' +
  '7,"col":42}}],"loc":{"file":"<default script>","line":57,"col":3}},{"k":"osec","name":".data","phdrs":[],"cmds' +
  '":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".data"},"excludeFiles":[]},{' +
  '"pattern":{"$p":".data.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<defau' +
  'lt script>","line":58,"col":13}}],"loc":{"file":"<default script>","line":58,"col":3}},{"k":"osec","name":".da' +
  'ta1","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".data1"' +
  '},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":59,"co' +
  'l":14}}],"loc":{"file":"<default script>","line":59,"col":3}},{"k":"assign","name":"_edata","op":"=","expr":{"' +
  'k":"dot","loc":{"file":"<default script>","line":60,"col":12}},"provide":false,"hidden":false,"loc":{"file":"<' +
  'default script>","line":60,"col":3}},{"k":"assign","name":"edata","op":"=","expr":{"k":"dot","loc":{"file":"<d' +
  'efault script>","line":61,"col":19}},"provide":true,"hidden":false,"loc":{"file":"<default script>","line":61,' +
  '"col":11}},{"k":"assign","name":"__bss_start","op":"=","expr":{"k":"dot","loc":{"file":"<default script>","lin' +
  'e":62,"col":17}},"provide":false,"hidden":false,"loc":{"file":"<default script>","line":62,"col":3}},{"k":"ose' +
  'c","name":".bss","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"' +
  '$p":".dynbss"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":{"file":"<default script>",' +
  '"line":64,"col":5}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".bss"},"exc' +
  'ludeFiles":[]},{"pattern":{"$p":".bss.*"},"excludeFiles":[]}],"common":false,"keep":false,"sort":"none","loc":' +
  '{"file":"<default script>","line":65,"col":5}},{"k":"input","file":{"$p":"*"},"excludeFiles":[],"sections":[{"' +
  'pattern":{"$p":"COMMON"},"excludeFiles":[]}],"common":true,"keep":false,"sort":"none","loc":{"file":"<default ' +
  'script>","line":66,"col":5}},{"k":"assign","name":".","op":"=","expr":{"k":"call","fn":"ALIGN","args":[{"k":"c' +
  'ond","c":{"k":"bin","op":"!=","a":{"k":"dot","loc":{"file":"<default script>","line":67,"col":15}},"b":{"k":"n' +
  'um","v":{"$n":"0"}},"loc":{"file":"<default script>","line":67,"col":17}},"a":{"k":"num","v":{"$n":"8"}},"b":{' +
  '"k":"num","v":{"$n":"1"}}}],"loc":{"file":"<default script>","line":67,"col":9}},"provide":false,"hidden":fals' +
  'e,"loc":{"file":"<default script>","line":67,"col":5}}],"loc":{"file":"<default script>","line":63,"col":3}},{' +
  '"k":"assign","name":".","op":"=","expr":{"k":"call","fn":"ALIGN","args":[{"k":"num","v":{"$n":"8"}}],"loc":{"f' +
  'ile":"<default script>","line":69,"col":7}},"provide":false,"hidden":false,"loc":{"file":"<default script>","l' +
  'ine":69,"col":3}},{"k":"assign","name":"_end","op":"=","expr":{"k":"dot","loc":{"file":"<default script>","lin' +
  'e":70,"col":10}},"provide":false,"hidden":false,"loc":{"file":"<default script>","line":70,"col":3}},{"k":"ass' +
  'ign","name":"end","op":"=","expr":{"k":"dot","loc":{"file":"<default script>","line":71,"col":17}},"provide":t' +
  'rue,"hidden":false,"loc":{"file":"<default script>","line":71,"col":11}},{"k":"assign","name":".","op":"=","ex' +
  'pr":{"k":"call","fn":"DATA_SEGMENT_END","args":[{"k":"dot","loc":{"file":"<default script>","line":72,"col":24' +
  '}}],"loc":{"file":"<default script>","line":72,"col":7}},"provide":false,"hidden":false,"loc":{"file":"<defaul' +
  't script>","line":72,"col":3}},{"k":"osec","name":".comment","phdrs":[],"cmds":[{"k":"input","file":{"$p":"*"}' +
  ',"excludeFiles":[],"sections":[{"pattern":{"$p":".comment"},"excludeFiles":[]}],"common":false,"keep":false,"s' +
  'ort":"none","loc":{"file":"<default script>","line":73,"col":18}}],"loc":{"file":"<default script>","line":73,' +
  '"col":3},"addr":{"k":"num","v":{"$n":"0"}}},{"k":"osec","name":"/DISCARD/","phdrs":[],"cmds":[{"k":"input","fi' +
  'le":{"$p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".note.GNU-stack"},"excludeFiles":[]}],"common":' +
  'false,"keep":false,"sort":"none","loc":{"file":"<default script>","line":74,"col":17}},{"k":"input","file":{"$' +
  'p":"*"},"excludeFiles":[],"sections":[{"pattern":{"$p":".gnu_debuglink"},"excludeFiles":[]}],"common":false,"k' +
  'eep":false,"sort":"none","loc":{"file":"<default script>","line":74,"col":36}},{"k":"input","file":{"$p":"*"},' +
  '"excludeFiles":[],"sections":[{"pattern":{"$p":".gnu.lto_*"},"excludeFiles":[]}],"common":false,"keep":false,"' +
  'sort":"none","loc":{"file":"<default script>","line":74,"col":54}}],"loc":{"file":"<default script>","line":74' +
  ',"col":3}}],"memory":[],"phdrs":[],"inputs":[],"externs":[],"entry":{"k":"entry","name":"_start","loc":{"file"' +
  ':"<default script>","line":2,"col":1}}}';
// END GENERATED
