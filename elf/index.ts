/** The project's ELF64 big-endian module: constants, one model, a validating reader, a writer. */
export * from './constants.js';
export type * from './types.js';
export { readElf, readSymbols, readRelocations, findSection, type ReadOptions } from './reader.js';
export { writeElf, layoutElf, type ElfLayout } from './writer.js';
export { StringTableBuilder, StringTableReader, readCString, encodeSymbols, decodeSymbols, encodeRela, decodeRela } from './tables.js';
