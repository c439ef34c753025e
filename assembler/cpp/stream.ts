/**
 * The preprocessor in a worker thread, streaming its output to the assembler through a
 * shared ring buffer, so that on a two-core machine preprocessing and assembling a large
 * .S file overlap. Used by the ppc64-as CLI for large inputs; the library API stays
 * synchronous and single-threaded.
 *
 * Ring protocol (Int32 control words): [0] characters written, [1] characters read,
 * [2] state (0 running, 1 finished, 2 failed). The writer waits while the ring is full, the
 * reader while it is empty; both wake each other with Atomics.notify.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../common/diagnostics.js';
import type { CppOptions } from './index.js';

export const RING_CHARS = 1 << 22;
export const CTL_WRITTEN = 0;
export const CTL_READ = 1;
export const CTL_STATE = 2;

/** What the worker starts with; the text follows in a message (StreamText) once read. */
export interface StreamInput {
  path: string;
  options: CppOptions;
  ring: SharedArrayBuffer;
  control: SharedArrayBuffer;
}

/** The message with the input text, or undefined text: the reader could not use the file, stop. */
export interface StreamText {
  text: string | undefined;
}

export interface CppStream {
  /**
   * Hand the worker its input. The worker is started before the file is read so that its
   * start-up (loading the preprocessor, some 100 ms) overlaps the reading and decoding.
   * undefined ends the worker without output.
   */
  start(text: string | undefined): void;
  /** The next piece of preprocessed text, or undefined at the end. Blocks while the worker works. */
  pull(): string | undefined;
  /** The preprocessor's diagnostics, once it has finished. */
  diagnostics(): Promise<Diagnostic[]>;
}

/** How long the reader waits without any progress before it gives up (a stuck or dead worker). */
const STALL_MS = 60_000;

export function startCppStream(path: string, options: CppOptions): CppStream {
  const ring = new SharedArrayBuffer(RING_CHARS * 2);
  const control = new SharedArrayBuffer(16);
  const chars = new Uint16Array(ring);
  const ctl = new Int32Array(control);
  const input: StreamInput = { path, options, ring, control };
  const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: input });
  const done = new Promise<Diagnostic[]>((resolve) => {
    let settled = false;
    worker.once('message', (m: { diagnostics: Diagnostic[] }) => {
      settled = true;
      resolve(m.diagnostics);
    });
    worker.once('error', (e) => {
      Atomics.store(ctl, CTL_STATE, 2);
      if (!settled) resolve([{ severity: 'error', message: `preprocessor worker failed: ${e.message}` }]);
      settled = true;
    });
    worker.once('exit', () => {
      if (!settled) resolve([{ severity: 'error', message: 'preprocessor worker exited without a result' }]);
      settled = true;
    });
  });
  const scratch = new Uint16Array(1 << 16);
  const decoder = new TextDecoder('utf-16le');
  return {
    start(text) {
      const message: StreamText = { text };
      worker.postMessage(message);
    },
    pull() {
      let waited = 0;
      for (;;) {
        const state = Atomics.load(ctl, CTL_STATE);
        const written = Atomics.load(ctl, CTL_WRITTEN);
        const read = Atomics.load(ctl, CTL_READ);
        // Counters are int32 and may wrap: differences and masks stay right (the ring is 2^k).
        const avail = (written - read) | 0;
        if (avail > 0) {
          const at = read & (RING_CHARS - 1);
          const n = Math.min(avail, RING_CHARS - at, scratch.length);
          scratch.set(chars.subarray(at, at + n));
          Atomics.store(ctl, CTL_READ, (read + n) | 0);
          Atomics.notify(ctl, CTL_READ);
          return decoder.decode(scratch.subarray(0, n));
        }
        if (state !== 0) return undefined;
        if (Atomics.wait(ctl, CTL_WRITTEN, written, 1000) === 'timed-out') {
          waited += 1000;
          if (waited >= STALL_MS) {
            Atomics.store(ctl, CTL_STATE, 2);
            void worker.terminate();
            return undefined;
          }
        } else waited = 0;
      }
    },
    diagnostics: () => done,
  };
}
