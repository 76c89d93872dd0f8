import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { InputError } from '@backstage/errors';
import { OtlpTraces } from '../OtlpTraces';
import { batchOfTraces, decodeTraces } from './decodedRequest';
import { FromDecoderThread, ToDecoderThread } from './spanDecoderMessages';

/** This module's file: decoder threads run it (source or built). */
export const SPAN_DECODER_THREAD_FILE = __filename;

/** The worker data that makes this module serve as a decoder thread. */
export const SPAN_DECODER_THREAD_DATA = 'quality-gates:span-decoder';

/** A buffer's memory, to transfer rather than copy, when it is its own. */
function ownMemory(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
    ? [bytes.buffer]
    : [];
}

function serve(port: NonNullable<typeof parentPort>): void {
  // Decoded spans, by request, until their batch is made or let go.
  const held = new Map<number, OtlpTraces>();
  const answer = (message: FromDecoderThread, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);

  port.on('message', (message: ToDecoderThread) => {
    const { id } = message;
    try {
      if (message.type === 'decode') {
        const { traces, ...summary } = decodeTraces(
          message.encoding,
          message.body,
        );
        held.set(id, traces);
        answer({ type: 'decoded', id, ...summary });
      } else if (message.type === 'batch') {
        const traces = held.get(id);
        held.delete(id);
        if (!traces) throw new Error(`No decoded spans for request ${id}`);
        const batch = batchOfTraces(
          traces,
          message.entities,
          message.format,
          message.receivedAt,
        );
        answer(
          { type: 'batch', id, batch },
          batch.copyData ? ownMemory(batch.copyData) : [],
        );
      } else {
        held.delete(id);
      }
    } catch (error) {
      held.delete(id);
      const { name, message: text } =
        error instanceof Error ? error : new Error(String(error));
      answer({
        type: 'failed',
        id,
        name: error instanceof InputError ? InputError.name : name,
        message: text,
      });
    }
  });
  // Everything this thread needs has loaded: it can serve.
  answer({ type: 'ready' });
}

if (!isMainThread && parentPort && workerData === SPAN_DECODER_THREAD_DATA) {
  serve(parentPort);
}
