/**
 * common/stdout.ts: bytes reach the sink complete and in order whatever the synchronous writes
 * do (short writes, EAGAIN part-way, EPIPE), and drain() waits only when something was queued.
 * The real descriptor: test/integration/kvm-trampoline.test.ts (`make run`'s transcript) and
 * test/launch/launch.test.ts run bin/ppc64-sim.js and read what it wrote to fd 1.
 */
import { describe, expect, it } from 'vitest';
import { Output, type OutputSink } from '../../common/stdout.js';

/** A sink whose synchronous writes take at most `chunk` bytes and fail with `fail` after `limit`. */
function fakeSink(chunk: number, limit: number, fail: string) {
  const written: number[] = [];
  const queued: number[] = [];
  let pendingDone: (() => void)[] = [];
  const sink: OutputSink = {
    writeSync(buf) {
      if (written.length >= limit) throw Object.assign(new Error(fail), { code: fail });
      const n = Math.min(chunk, buf.length, limit - written.length);
      written.push(...buf.subarray(0, n));
      return n;
    },
    queue(buf, done) {
      queued.push(...buf);
      if (done) pendingDone.push(done);
    },
  };
  const flush = (): void => {
    for (const d of pendingDone) d();
    pendingDone = [];
  };
  return { sink, written, queued, flush };
}

const bytes = (n: number, from: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);

describe('Output', () => {
  it('writes everything synchronously through short writes, and drain() resolves at once', async () => {
    const f = fakeSink(7, Infinity, 'EAGAIN');
    const out = new Output(f.sink);
    out.write(bytes(100, 0));
    out.write('ab');
    expect(f.written).toEqual([...bytes(100, 0), 0x61, 0x62]);
    expect(f.queued).toEqual([]);
    await out.drain();
  });

  it('on EAGAIN queues the rest and every later write, in order, and drain() waits for the queue', async () => {
    const f = fakeSink(16, 40, 'EAGAIN');
    const out = new Output(f.sink);
    out.write(bytes(30, 0));
    out.write(bytes(30, 30)); // 10 bytes fit, then EAGAIN
    out.write(bytes(5, 60)); // queued behind the rest, not written synchronously
    expect(f.written).toEqual([...bytes(40, 0)]);
    expect(f.queued).toEqual([...bytes(25, 40)]);
    let drained = false;
    const d = out.drain().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    f.flush();
    await d;
    expect(drained).toBe(true);
  });

  it('on EPIPE drops the rest without an error', () => {
    const f = fakeSink(8, 12, 'EPIPE');
    const out = new Output(f.sink);
    out.write(bytes(20, 0));
    out.write(bytes(20, 20));
    expect(f.written).toEqual([...bytes(12, 0)]);
    expect(f.queued).toEqual([]);
  });

  it('passes other errors on', () => {
    const f = fakeSink(8, 0, 'EIO');
    expect(() => new Output(f.sink).write('x')).toThrow('EIO');
  });
});
