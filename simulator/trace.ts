/**
 * Observability: the per-instruction trace (--trace) and the guest-exit log (--trace-exits).
 * Both are hooks the run loop calls only when they are enabled: with tracing off the hot loop
 * has no trace code at all (step.ts checks `ctl.tracer` once per page entry).
 */
import { decode, format } from '../isa/index.js';
import type { InterruptEvent, Machine } from './machine.js';
import type { Tracer } from './step.js';
import { CR, DSISR, NREG64, XER_BC, XER_CA, XER_CA32, XER_OV, XER_OV32, XER_SO } from './state.js';

const hex16 = (v: bigint): string => v.toString(16).padStart(16, '0');

/** Names of the H/L slots shown in the trace (slots not listed are internal). */
const SLOT_NAMES: ReadonlyMap<number, string> = new Map([
  ...Array.from({ length: 32 }, (_, i): [number, string] => [i, `r${i}`]),
  [32, 'lr'],
  [33, 'ctr'],
  [34, 'srr0'],
  [35, 'srr1'],
  [36, 'sprg0'],
  [37, 'sprg1'],
  [38, 'sprg2'],
  [39, 'sprg3'],
  [40, 'dar'],
  [41, 'msr'],
  [44, 'hid5'],
]);

export function createTracer(write: (line: string) => void): Tracer {
  const prevH = new Int32Array(NREG64);
  const prevL = new Int32Array(NREG64);
  const prevS = new Int32Array(32);
  let head = '';
  return {
    before(m, pc, word) {
      prevH.set(m.H);
      prevL.set(m.L);
      prevS.set(m.S.subarray(0, prevS.length));
      let text = '(not fetched)';
      if (word !== undefined) {
        const d = decode(word, undefined, { cpu: 'power9' });
        text = d ? format(d, pc) : `.long 0x${word.toString(16).padStart(8, '0')}`;
      }
      head = `${hex16(pc)}  ${(word ?? 0).toString(16).padStart(8, '0')}  ${text}`;
    },
    after(m) {
      const changes: string[] = [];
      for (const [slot, name] of SLOT_NAMES) {
        if (m.H[slot] !== prevH[slot] || m.L[slot] !== prevL[slot]) {
          changes.push(`${name}=${hex16((BigInt(m.H[slot]! >>> 0) << 32n) | BigInt(m.L[slot]! >>> 0))}`);
        }
      }
      if (m.S[CR] !== prevS[CR]) changes.push(`cr=${(m.S[CR]! >>> 0).toString(16).padStart(8, '0')}`);
      const xerSlots = [XER_SO, XER_OV, XER_CA, XER_OV32, XER_CA32, XER_BC];
      if (xerSlots.some((i) => m.S[i] !== prevS[i])) {
        changes.push(`xer=so${m.S[XER_SO]}ov${m.S[XER_OV]}ca${m.S[XER_CA]}ov32${m.S[XER_OV32]}ca32${m.S[XER_CA32]}`);
      }
      if (m.S[DSISR] !== prevS[DSISR]) changes.push(`dsisr=${(m.S[DSISR]! >>> 0).toString(16).padStart(8, '0')}`);
      write(`${head.padEnd(64)}${changes.join(' ')}`);
    },
  };
}

/** One line per interrupt taken from problem state: the guest exits of a KVM-style host. */
export function formatExit(ev: InterruptEvent): string {
  return `exit 0x${ev.vector.toString(16).padStart(3, '0')} pc=${hex16(ev.srr0)} msr=${hex16(ev.srr1)} dar=${hex16(ev.dar)} dsisr=${ev.dsisr.toString(16).padStart(8, '0')}`;
}

export function formatInterrupt(ev: InterruptEvent): string {
  return `  interrupt 0x${ev.vector.toString(16).padStart(3, '0')} srr0=${hex16(ev.srr0)} srr1=${hex16(ev.srr1)}`;
}

export type { Machine };
