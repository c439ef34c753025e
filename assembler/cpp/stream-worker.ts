/** Worker side of cpp/stream.ts: preprocess, writing the output into the shared ring. */
import { parentPort, workerData } from 'node:worker_threads';
import { DiagnosticBag } from '../../common/diagnostics.js';
import { nodeHost } from '../../common/node-host.js';
import { preprocessWith } from './index.js';
import { CTL_READ, CTL_STATE, CTL_WRITTEN, RING_CHARS, type StreamInput, type StreamText } from './stream.js';

const input = workerData as StreamInput;
const chars = new Uint16Array(input.ring);
const ctl = new Int32Array(input.control);

function sink(data: Uint16Array): void {
  let off = 0;
  while (off < data.length) {
    if (Atomics.load(ctl, CTL_STATE) === 2) throw new Error('reader gave up');
    const written = Atomics.load(ctl, CTL_WRITTEN);
    const read = Atomics.load(ctl, CTL_READ);
    const free = RING_CHARS - ((written - read) | 0);
    if (free === 0) {
      Atomics.wait(ctl, CTL_READ, read, 1000);
      continue;
    }
    const at = written & (RING_CHARS - 1);
    const n = Math.min(free, data.length - off, RING_CHARS - at);
    chars.set(data.subarray(off, off + n), at);
    off += n;
    Atomics.store(ctl, CTL_WRITTEN, (written + n) | 0);
    Atomics.notify(ctl, CTL_WRITTEN);
  }
}

/** The text comes in a message: the reader starts this worker before it has read the file. */
parentPort!.once('message', ({ text }: StreamText) => {
  const bag = new DiagnosticBag();
  try {
    if (text !== undefined) preprocessWith(input.path, text, input.options, nodeHost, bag, { sink });
  } catch (e) {
    bag.error(`preprocessor failed: ${(e as Error).message}`);
  } finally {
    Atomics.store(ctl, CTL_STATE, 1);
    Atomics.notify(ctl, CTL_WRITTEN);
    parentPort!.postMessage({ diagnostics: bag.items });
  }
});
