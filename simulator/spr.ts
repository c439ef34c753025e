/**
 * Special-purpose registers as a pseries POWER9 guest sees them under qemu 7.2.
 *
 * Access rules were measured on qemu (test images under test/simulator/inputs):
 *  - a hypervisor SPR (LPCR, HSRR0, SDR1, ...) from the supervisor: privileged program interrupt;
 *  - writing a read-only SPR (PVR, SPRG3 through 259, TB through 268): privileged interrupt;
 *  - an SPR the CPU does not have: in the supervisor a no-op (RT keeps its value) except SPRs
 *    0, 4, 5, 6 (privileged interrupt); in problem state always a privileged interrupt.
 *  - a supervisor SPR from problem state: privileged interrupt.
 * HID5 (1014) is not a POWER9 SPR (qemu treats it as absent: a no-op); it is modelled as a plain
 * register here because the trampoline contract uses it for the dcbz32 step.
 * CFAR reads as 0: keeping it exact would cost work on every taken branch.
 */
import type { Machine } from './machine.js';
import {
  AMR, CFAR, CTR, CTRL, DAR, DSCR, DSISR, HID5, LR, PPR, SPRG0, SRR0, SRR1, TAR, getXer, get64, set64, setXer32,
} from './state.js';
import { readDec, readTb, writeDec } from './timebase.js';

export type Privilege = 'user' | 'supervisor' | 'hypervisor' | 'none';

interface SprDef {
  read: Privilege;
  write: Privilege;
  /** H/L slot for plain registers; undefined for the special ones handled by number. */
  slot?: number;
}

const u = (slot?: number): SprDef => ({ read: 'user', write: 'user', slot });
const sv = (slot?: number): SprDef => ({ read: 'supervisor', write: 'supervisor', slot });
const hv: SprDef = { read: 'hypervisor', write: 'hypervisor' };

/** Every SPR this CPU model has, by number. */
export const SPRS: ReadonlyMap<number, SprDef> = new Map<number, SprDef>([
  [1, u()], // XER
  [3, u(DSCR)], // DSCR, problem-state alias
  [8, u(LR)],
  [9, u(CTR)],
  [13, u(AMR)], // AMR, problem-state alias
  [17, sv(DSCR)],
  [18, sv()], // DSISR (32-bit)
  [19, sv(DAR)],
  [22, sv()], // DEC
  [25, hv], // SDR1
  [26, sv(SRR0)],
  [27, sv(SRR1)],
  [28, sv(CFAR)],
  [29, sv(AMR)],
  [136, { read: 'user', write: 'none', slot: CTRL }],
  [152, { read: 'none', write: 'supervisor', slot: CTRL }],
  [256, u()], // VRSAVE
  [259, { read: 'user', write: 'none', slot: SPRG0 + 3 }],
  [268, { read: 'user', write: 'none' }], // TB
  [269, { read: 'user', write: 'none' }], // TBU
  [272, sv(SPRG0)],
  [273, sv(SPRG0 + 1)],
  [274, sv(SPRG0 + 2)],
  [275, sv(SPRG0 + 3)],
  [284, hv], // TBL write
  [285, hv], // TBU write
  [287, { read: 'supervisor', write: 'none' }], // PVR
  ...[304, 305, 306, 307, 310, 313, 314, 315, 318, 319, 336, 337, 338, 339, 349, 464].map((n): [number, SprDef] => [n, hv]),
  [815, u(TAR)],
  [896, u(PPR)],
  [898, u()], // PPR32
  [1014, sv(HID5)],
  [1023, { read: 'supervisor', write: 'none' }], // PIR
  [61, sv()], // IAMR
  [153, sv()], // FSCR
  [157, sv()], // UAMOR
  [48, sv()], // PIDR
]);

export const PVR_POWER9_V2 = 0x004e1200n;

export type SprCheck = 'ok' | 'priv' | 'noop';

/** Whether an mfspr/mtspr of `spr` may proceed in the current state. */
export function checkSpr(spr: number, write: boolean, pr: boolean): SprCheck {
  const def = SPRS.get(spr);
  if (def === undefined) {
    if (pr) return 'priv';
    return spr === 0 || spr === 4 || spr === 5 || spr === 6 ? 'priv' : 'noop';
  }
  const need = write ? def.write : def.read;
  if (need === 'none' || need === 'hypervisor') return 'priv';
  if (need === 'supervisor' && pr) return 'priv';
  return 'ok';
}

/** True for the SPRs whose value depends on the instruction count (the op must SYNC first). */
export const isTimeSpr = (spr: number): boolean => spr === 22 || spr === 268 || spr === 269;

export function readSpr(m: Machine, spr: number): bigint {
  const def = SPRS.get(spr);
  if (def?.slot !== undefined) return def.slot === CFAR ? 0n : get64(m.st, def.slot);
  switch (spr) {
    case 1:
      return getXer(m.st);
    case 18:
      return BigInt(m.S[DSISR]! >>> 0);
    case 22:
      return readDec(m.time);
    case 268:
      return readTb(m.time);
    case 269:
      return readTb(m.time) >> 32n;
    case 287:
      return PVR_POWER9_V2;
    case 1023:
      return 0n;
    default:
      return m.st.otherSpr.get(spr) ?? 0n;
  }
}

export function writeSpr(m: Machine, spr: number, v: bigint): void {
  const def = SPRS.get(spr);
  if (def?.slot !== undefined) {
    set64(m.st, def.slot, v);
    return;
  }
  switch (spr) {
    case 1:
      setXer32(m.S, Number(v & 0xffffffffn));
      return;
    case 18:
      m.S[DSISR] = Number(v & 0xffffffffn);
      return;
    case 22:
      writeDec(m.time, v);
      return;
    default:
      m.st.otherSpr.set(spr, v);
  }
}
