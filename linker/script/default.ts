/**
 * The layout used when no -T script is given: a static ppc64 executable at 0x10000000 with the
 * ELF headers in the first page, read-only sections, then (on the next page) relro data (.opd,
 * .got with the .toc) ending on a page boundary, small data, data and bss. It reproduces the
 * addresses GNU ld's default for elf64ppc gives static links; written here for our parser.
 */
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
