/**
 * Guest physical memory: one buffer for all of RAM (the OS commits its pages lazily, so 512 MiB
 * of untouched RAM costs nothing), accessed big-endian through a DataView.
 *
 * Three extra pages sit after RAM so that the hot path never needs a bounds branch:
 *  - ZERO page: what a load beyond RAM reads. On the pseries machine real-mode accesses beyond
 *    RAM do not trap: loads return 0 and stores are dropped (pseries-platform.md §2), so the
 *    translation step maps such loads here and such stores to the SINK page.
 *  - SINK page: stores beyond RAM land here and are forgotten; it also serves as the bounce
 *    buffer for a store that straddles two non-contiguous translated pages (flushed by wrote()).
 *  - READ-BOUNCE page: a load straddling two non-contiguous pages (or the end of RAM) is
 *    assembled here first.
 *  - one spare page of slack.
 *
 * Decoded-instruction caches are attached per physical page (codePages); `codeFlag` marks pages
 * that have one, so a store can invalidate exactly the instruction slots it overwrote. The page
 * before a code page is flagged too, so that a store straddling into a code page is caught by the
 * single flag test on its first byte.
 */
import type { Op } from './machine.js';

export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 4096;
export const SLOTS_PER_PAGE = PAGE_SIZE / 4;

/** Maximum instructions in one compiled block (jit.ts). */
export const MAX_BLOCK = 64;

/**
 * The decoded forms of one physical code page: `ops` holds one op per word slot; `fast` holds,
 * at a slot where a compiled block starts, the block (else the same op as `ops`).
 * blockEnd[s] is the slot after the last instruction of the block starting at s (0: none).
 */
export interface CodePage {
  readonly ops: Op[];
  readonly fast: Op[];
  readonly blockEnd: Int16Array;
  /**
   * Executions of each slot as a single op while blocks were allowed (step.ts): when a count
   * reaches the compile threshold, a block is built starting there. Wraps at 65536, which only
   * retries a block that could not be built.
   */
  readonly heat: Uint16Array;
  /** Whether any block was ever compiled in this page (else stores skip the block scan). */
  hasBlocks: boolean;
}

export interface Memory {
  readonly ramSize: number;
  readonly buf: SharedArrayBuffer;
  readonly dv: DataView;
  readonly u8: Uint8Array;
  /** Offset of the read-as-zero page (== ramSize). */
  readonly zeroPage: number;
  /** Offset of the write-discard/bounce page. */
  readonly sinkPage: number;
  /** Offset of the page where straddling loads are assembled. */
  readonly readBounce: number;
  /** 1 for a page with decoded ops (or the sink page): stores there must call wrote(). */
  readonly codeFlag: Uint8Array;
  /** Physical page number → its decoded ops and blocks (see step.ts); few pages ever hold code. */
  readonly codePages: Map<number, CodePage>;
  /** Set whenever a store overwrote a decoded slot (a running block checks it after its stores). */
  codeWritten: boolean;
  /** Pending bounce-buffer flush: real addresses of the two halves of a straddling store (-1: beyond RAM). */
  bounce: { pa1: number; len1: number; pa2: number; len2: number } | undefined;
}

export function createMemory(ramSize: number): Memory {
  // A SharedArrayBuffer, though nothing is shared: V8 counts an ArrayBuffer's size as external
  // memory, and hundreds of MiB of it (untouched, so never committed by the OS) start an
  // immediate full garbage collection; a SharedArrayBuffer is not counted. Access speed is the same.
  const buf = new SharedArrayBuffer(ramSize + 4 * PAGE_SIZE);
  const pages = ramSize / PAGE_SIZE + 4;
  const codeFlag = new Uint8Array(pages);
  // The sink page is flagged so that stores into it reach wrote(), which flushes a pending bounce.
  codeFlag[ramSize / PAGE_SIZE + 1] = 1;
  return {
    ramSize,
    buf,
    dv: new DataView(buf),
    u8: new Uint8Array(buf),
    zeroPage: ramSize,
    sinkPage: ramSize + PAGE_SIZE,
    readBounce: ramSize + 2 * PAGE_SIZE,
    codeFlag,
    codePages: new Map(),
    codeWritten: false,
    bounce: undefined,
  };
}

/**
 * Called after a store of `size` bytes at real offset `pa` into a flagged page: drop the decoded
 * ops the store overwrote (the slot reverts to the decode stub), or complete a bounced store.
 */
export function noteStore(mem: Memory, pa: number, size: number, stub: Op): void {
  if (pa >= mem.sinkPage) {
    const b = mem.bounce;
    if (b === undefined) return;
    mem.bounce = undefined;
    copyOut(mem, pa, b.pa1, b.len1, stub);
    copyOut(mem, pa + b.len1, b.pa2, b.len2, stub);
    return;
  }
  invalidateRange(mem, pa, size, stub);
}

function copyOut(mem: Memory, src: number, dst: number, len: number, stub: Op): void {
  const n = Math.min(len, mem.ramSize - dst);
  if (dst < 0 || n <= 0) return;
  mem.u8.copyWithin(dst, src, src + n);
  invalidateRange(mem, dst, n, stub);
}

export function invalidateRange(mem: Memory, pa: number, size: number, stub: Op): void {
  if (size <= 0 || pa >= mem.ramSize) return;
  const end = Math.min(pa + size, mem.ramSize);
  for (let p = pa & ~3; p < end; p += 4) {
    const page = mem.codePages.get(p >>> PAGE_SHIFT);
    if (page === undefined) continue;
    const k = (p & (PAGE_SIZE - 1)) >>> 2;
    // Only a slot that was decoded (or is inside a block) makes a running block stop.
    let decoded = page.ops[k] !== stub || page.fast[k] !== stub;
    page.ops[k] = stub;
    page.fast[k] = stub;
    if (page.hasBlocks) {
      // Every block that contains slot k is dropped; it is rebuilt when next entered.
      for (let s = Math.max(0, k - MAX_BLOCK + 1); s <= k; s++) {
        if (page.blockEnd[s]! > k) {
          page.fast[s] = stub;
          page.blockEnd[s] = 0;
          page.heat[s] = 0;
          decoded = true;
        }
      }
    }
    if (decoded) mem.codeWritten = true;
  }
}

/** Copy bytes into RAM (loader, tests); bytes beyond RAM are dropped like any real-mode store. */
export function writeBytes(mem: Memory, pa: number, bytes: Uint8Array, stub?: Op): void {
  const n = Math.max(0, Math.min(bytes.length, mem.ramSize - pa));
  mem.u8.set(bytes.subarray(0, n), pa);
  if (stub) invalidateRange(mem, pa, n, stub);
}

export function readBytes(mem: Memory, pa: number, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = pa + i < mem.ramSize ? mem.u8[pa + i]! : 0;
  return out;
}

/** Real-mode read of a NUL-terminated string (RTAS os-term message), at most `max` bytes. */
export function readCString(mem: Memory, pa: number, max = 4096): string {
  const bytes: number[] = [];
  for (let i = 0; i < max && pa + i < mem.ramSize; i++) {
    const b = mem.u8[pa + i]!;
    if (b === 0) break;
    bytes.push(b);
  }
  return Buffer.from(bytes).toString('latin1');
}
