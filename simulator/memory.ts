/**
 * Guest physical memory: one ArrayBuffer for all of RAM (the OS commits its pages lazily, so
 * 512 MiB of untouched RAM costs nothing), accessed big-endian through a DataView.
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

export interface Memory {
  readonly ramSize: number;
  readonly buf: ArrayBuffer;
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
  /** Per physical page: the decoded op of every word slot (see step.ts), or undefined. */
  readonly codePages: (Op[] | undefined)[];
  /** Pending bounce-buffer flush: real addresses of the two halves of a straddling store (-1: beyond RAM). */
  bounce: { pa1: number; len1: number; pa2: number; len2: number } | undefined;
}

export function createMemory(ramSize: number): Memory {
  const buf = new ArrayBuffer(ramSize + 4 * PAGE_SIZE);
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
    codePages: new Array<Op[] | undefined>(pages).fill(undefined),
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
    const ops = mem.codePages[p >>> PAGE_SHIFT];
    if (ops !== undefined) ops[(p & (PAGE_SIZE - 1)) >>> 2] = stub;
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
