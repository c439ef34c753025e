/**
 * A tool's standard output written straight to file descriptor 1.
 *
 * Node creates `process.stdout` on first use, and in a cold process that costs 4-7 ms on this
 * project's machines: more than writing the whole console transcript of the trampoline image.
 * `stdout.write()` uses fs.writeSync instead, so a run that only writes through it never creates
 * the stream. Two cases still need the stream:
 *  - EAGAIN: descriptor 1 is non-blocking (a parent may share one) and its buffer is full. The
 *    rest of this write, and every later one, goes through process.stdout, which queues it; so
 *    the order of the bytes is kept. `stdout.drain()` waits for that queue before the tool exits.
 *  - EPIPE: the reader has gone (`tool | head`). Later output is dropped, as it would be by the
 *    stream; the tool runs on to its own exit status.
 */
import { writeSync } from 'node:fs';

/** Where an Output's bytes go: a synchronous write of some prefix, and the queued fallback. */
export interface OutputSink {
  /** Write a prefix of `buf`; returns its length, or throws (an errno `code` on the error). */
  writeSync(buf: Uint8Array): number;
  /** Queue `buf` (process.stdout.write); `done` runs once everything queued is written. */
  queue(buf: Uint8Array, done?: () => void): void;
}

export class Output {
  private mode: 'sync' | 'queued' | 'closed' = 'sync';

  constructor(private readonly sink: OutputSink) {}

  /** Write `data`, in order with every earlier write. */
  write(data: Uint8Array | string): void {
    if (this.mode === 'closed') return;
    let buf = typeof data === 'string' ? Buffer.from(data) : data;
    while (this.mode === 'sync' && buf.length > 0) {
      try {
        buf = buf.subarray(this.sink.writeSync(buf));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') this.mode = 'queued';
        else if (code === 'EPIPE') this.mode = 'closed';
        else throw e;
      }
    }
    if (this.mode === 'queued' && buf.length > 0) this.sink.queue(buf);
  }

  /** Resolves once everything queued has been written (at once when nothing was). */
  drain(): Promise<void> {
    if (this.mode !== 'queued') return Promise.resolve();
    return new Promise<void>((resolve) => this.sink.queue(new Uint8Array(0), resolve));
  }
}

/** Standard output (see the file comment). */
export const stdout = new Output({
  writeSync: (buf) => writeSync(1, buf),
  queue: (buf, done) => void process.stdout.write(buf, done),
});
