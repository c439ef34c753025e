/**
 * Generates assembly lines that exercise table rows: a baseline operand set, then each
 * operand varied over interesting values (range ends, just outside the range,
 * misalignment), optional operands omitted, and "+"/"-" hints on branches. The lines
 * are fed to GNU as and to our encoder; expected results come only from GNU as.
 */
import type { InsnVariant, OperandInfo } from '../../isa/index.js';

function baseline(op: OperandInfo, i: number): string {
  switch (op.kind) {
    case 'gpr':
    case 'gpr0':
      return String(3 + i);
    case 'fpr':
    case 'vr':
      return String(1 + i);
    case 'vsr':
      return String(1 + 20 * i);
    case 'crf':
      return 'cr1';
    case 'crbit':
      return String(5 + i);
    case 'spr':
      return '1';
    case 'target':
      return op.fixup === 'br14abs' || op.fixup === 'br24abs' ? '8' : '.+8';
    default: {
      const a = BigInt(op.align);
      return (op.min <= a && a <= op.max ? a : op.min).toString();
    }
  }
}

function variations(op: OperandInfo): string[] {
  switch (op.kind) {
    case 'gpr':
      return ['0', '1', '31'];
    case 'gpr0':
      return ['0', '31'];
    case 'fpr':
    case 'vr':
      return ['0', '31'];
    case 'vsr':
      return ['0', '31', '32', '63'];
    case 'crf':
      return ['cr0', 'cr7', '8'];
    case 'crbit':
      return ['lt', 'so', '4*cr7+so', '4*cr2+gt', '0', '31'];
    case 'spr':
      return ['0', '8', '9', '26', '272', '1023', '1024'];
    case 'target': {
      if (op.fixup === 'br14abs' || op.fixup === 'br24abs') {
        return ['0', op.max.toString(), op.min.toString(), (op.max + 4n).toString(), '6', '-8'];
      }
      return ['.-8', '.', `.+${op.max}`, `.${op.min}`, `.+${op.max + 4n}`, '.+6'];
    }
    default: {
      const vals = new Set<bigint>([op.min, op.max, 0n, op.min - 1n, op.max + 1n]);
      if (op.min < 0n) vals.add(-BigInt(op.align));
      if (op.align > 1) vals.add(BigInt(op.align) + 1n);
      if (op.max > 16n) vals.add(op.max / 3n - (op.max / 3n) % BigInt(op.align));
      return [...vals].map(String);
    }
  }
}

function render(v: InsnVariant, texts: readonly (string | undefined)[], hint = ''): string {
  const parts: string[] = [];
  v.operands.forEach((op, i) => {
    const t = texts[i];
    if (t === undefined) return;
    if (op.parens && parts.length) parts[parts.length - 1] += `(${t})`;
    else parts.push(t);
  });
  return `${v.mnemonic}${hint}${parts.length ? ' ' + parts.join(',') : ''}`;
}

export function linesFor(v: InsnVariant): string[] {
  const base = v.operands.map(baseline);
  const out = new Set<string>([render(v, base)]);
  v.operands.forEach((op, i) => {
    for (const alt of variations(op)) {
      const t = base.slice();
      t[i] = alt;
      out.add(render(v, t));
    }
  });
  // Optional operands omitted: drop trailing/leading optional ones as gas allows.
  const optIdx = v.operands.flatMap((o, i) => (o.optional ? [i] : []));
  for (let keep = 0; keep < optIdx.length; keep++) {
    const dropped = new Set(optIdx.slice(keep));
    out.add(render(v, base.map((t, i) => (dropped.has(i) ? undefined : t))));
  }
  if (v.hintable) {
    const ti = v.operands.findIndex((o) => o.kind === 'target');
    for (const h of ['+', '-']) {
      out.add(render(v, base, h));
      if (ti >= 0) {
        const t = base.slice();
        t[ti] = v.operands[ti]!.fixup === 'br14abs' ? '-8' : '.-8';
        out.add(render(v, t, h));
        t[ti] = v.operands[ti]!.fixup === 'br14abs' ? '0' : '.';
        out.add(render(v, t, h));
      }
    }
  }
  return [...out];
}
