import { ResourceLimits, Worker } from 'node:worker_threads';
import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { EntityAssignment } from '../../../delivery/DeliveryBatch';
import { SpanBatch } from '../spanBatch';
import { BatchFormat, DecodedSummary, OtlpEncoding } from './decodedRequest';
import { InThreadSpanDecoder, PendingTraces, SpanDecoder } from './SpanDecoder';
import { FromDecoderThread, ToDecoderThread } from './spanDecoderMessages';
import {
  SPAN_DECODER_THREAD_DATA,
  SPAN_DECODER_THREAD_FILE,
} from './spanDecoderThread';

type Answer = FromDecoderThread & { type: 'decoded' | 'batch' };

/** A decoder thread stopped before it could serve (it did not load). */
class DecoderThreadStartError extends Error {}

/**
 * Node options for a decoder thread. Threads inherit the process's; run
 * from TypeScript source (tests, a backend started from source without a
 * transform of its own) the thread also needs the TypeScript transform.
 */
function threadExecArgv(): string[] | undefined {
  if (!SPAN_DECODER_THREAD_FILE.endsWith('.ts')) return undefined;
  if (process.execArgv.some(arg => arg.includes('nodeTransform'))) {
    return undefined;
  }
  // Only the transform: a test runner's own options may not suit a thread.
  return [
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
  ];
}

/** One decoder thread and the requests waiting for its answers. */
class DecoderThread {
  private readonly worker: Worker;
  // A request asks one thing at a time: its decoding, then its batch.
  private readonly waiting = new Map<
    number,
    { resolve(answer: Answer): void; reject(error: Error): void }
  >();
  /** Requests decoded or being decoded whose batch is not made yet. */
  inFlight = 0;
  stopped = false;
  /** Whether it loaded and said so; until then it may not load at all. */
  private ready = false;
  private closing = false;

  constructor(
    private readonly logger: LoggerService,
    resourceLimits?: ResourceLimits,
    file: string = SPAN_DECODER_THREAD_FILE,
  ) {
    this.worker = new Worker(file, {
      workerData: SPAN_DECODER_THREAD_DATA,
      execArgv: threadExecArgv(),
      resourceLimits,
    });
    // A decoder thread must not keep a stopping backend alive.
    this.worker.unref();
    this.worker.on('message', (message: FromDecoderThread) => {
      if (message.type === 'ready') {
        this.ready = true;
        return;
      }
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.type === 'failed') {
        waiter.reject(
          message.name === InputError.name
            ? new InputError(message.message)
            : new Error(message.message),
        );
      } else {
        waiter.resolve(message);
      }
    });
    this.worker.on('error', error => this.stop(String(error)));
    this.worker.on('exit', code => this.stop(`it exited with code ${code}`));
  }

  /** Fails the requests waiting for this thread; it takes no more. */
  private stop(why: string): void {
    if (this.waiting.size > 0 && this.ready && !this.closing) {
      this.logger.warn(`A span decoder thread stopped: ${why}`);
    }
    this.stopped = true;
    for (const waiter of this.waiting.values()) {
      // Exporters send again after a 503; a thread that never loaded saw
      // nothing of the request, which can be decoded elsewhere.
      waiter.reject(
        this.ready || this.closing
          ? new ServiceUnavailableError(`The span decoder stopped: ${why}`)
          : new DecoderThreadStartError(why),
      );
    }
    this.waiting.clear();
  }

  private ask(
    message: ToDecoderThread,
    transfer: ArrayBuffer[] = [],
  ): Promise<Answer> {
    if (this.stopped) {
      return Promise.reject(
        new ServiceUnavailableError('The span decoder stopped'),
      );
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(message.id, { resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  async decode(
    id: number,
    encoding: OtlpEncoding,
    body: Buffer,
  ): Promise<DecodedSummary> {
    // A copy of its own, handed over rather than copied again: the body
    // may share its memory with other buffers.
    const own = new Uint8Array(body);
    const answer = await this.ask({ type: 'decode', id, encoding, body: own }, [
      own.buffer,
    ]);
    return answer as DecodedSummary;
  }

  async batch(
    id: number,
    entities: EntityAssignment[],
    format: BatchFormat,
    receivedAt: Date,
  ): Promise<SpanBatch> {
    const answer = await this.ask({
      type: 'batch',
      id,
      entities,
      format,
      receivedAt,
    });
    const { batch } = answer as { batch: SpanBatch };
    const data = batch.copyData;
    return data
      ? {
          ...batch,
          copyData: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
        }
      : batch;
  }

  release(id: number): void {
    if (!this.stopped) this.worker.postMessage({ type: 'release', id });
  }

  async terminate(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
    this.stop('the backend is stopping');
  }
}

/**
 * Bodies from which a request is decoded on a thread: about 4,000 spans,
 * some 25 ms of the event loop's time. Below, handing the request over
 * costs more CPU than it frees, and the event loop is held no longer than
 * by its usual pauses.
 */
export const DEFAULT_THREAD_MIN_BODY_BYTES = 1024 * 1024;

export interface SpanDecoderPoolOptions {
  /** Threads at most; started as requests need them. */
  threads: number;
  /** Smaller bodies are decoded on the event loop. */
  minBodyBytes?: number;
  /**
   * Of each thread's heap; by default V8's, as for the event loop (request
   * bodies are limited before decoding).
   */
  resourceLimits?: ResourceLimits;
  /** The threads' module; tests give one that does not load. */
  threadFile?: string;
}

/**
 * Decodes large requests and makes their batches on threads of their own,
 * so that a large export (a Collector's batch of thousands of spans, a
 * third of a second of decoding at 50,000) does not hold up every other
 * request of the backend meanwhile: pages, gate decisions. What crosses
 * between threads is small: the body in, a request's resources and
 * pipeline runs out, their entities in, and the COPY text out, handed over
 * without a copy. A request goes to the thread with the fewest requests in
 * flight; a thread that stops fails its requests with a 503 (exporters
 * send again) and is replaced. Smaller requests are decoded on the event
 * loop (see {@link DEFAULT_THREAD_MIN_BODY_BYTES}).
 */
export class SpanDecoderPool implements SpanDecoder {
  private readonly threads: DecoderThread[] = [];
  private readonly inThread = new InThreadSpanDecoder();
  private nextId = 1;
  /** Set when a thread could not start: requests stay on the event loop. */
  private cannotStart = false;

  constructor(
    private readonly logger: LoggerService,
    private readonly options: SpanDecoderPoolOptions,
  ) {}

  /** Threads running now. */
  get runningThreads(): number {
    return this.threads.filter(thread => !thread.stopped).length;
  }

  private pick(): DecoderThread {
    for (let i = this.threads.length - 1; i >= 0; i--) {
      if (this.threads[i].stopped) this.threads.splice(i, 1);
    }
    if (this.threads.length < this.options.threads) {
      const thread = new DecoderThread(
        this.logger,
        this.options.resourceLimits,
        this.options.threadFile,
      );
      this.threads.push(thread);
      return thread;
    }
    return this.threads.reduce((least, thread) =>
      thread.inFlight < least.inFlight ? thread : least,
    );
  }

  async decode(encoding: OtlpEncoding, body: Buffer): Promise<PendingTraces> {
    const minBodyBytes =
      this.options.minBodyBytes ?? DEFAULT_THREAD_MIN_BODY_BYTES;
    if (body.byteLength < minBodyBytes || this.cannotStart) {
      return this.inThread.decode(encoding, body);
    }
    let thread: DecoderThread;
    try {
      thread = this.pick();
    } catch (error) {
      return this.decodeHere(error as Error, encoding, body);
    }
    const id = this.nextId++;
    thread.inFlight++;
    let held = true;
    const done = () => {
      if (held) thread.inFlight--;
      held = false;
    };
    let summary: DecodedSummary;
    try {
      summary = await thread.decode(id, encoding, body);
    } catch (error) {
      done();
      if (!(error instanceof DecoderThreadStartError)) throw error;
      return this.decodeHere(error, encoding, body);
    }
    return {
      ...summary,
      async batch(entities, format, receivedAt) {
        if (!held) throw new Error('The spans were let go');
        try {
          return await thread.batch(id, entities, format, receivedAt);
        } finally {
          done();
        }
      },
      release() {
        if (!held) return;
        done();
        thread.release(id);
      },
    };
  }

  /**
   * Decodes on the event loop from now on: a thread could not start (a
   * broken install), and a request must not fail for it.
   */
  private decodeHere(
    error: Error,
    encoding: OtlpEncoding,
    body: Buffer,
  ): Promise<PendingTraces> {
    if (!this.cannotStart) {
      this.cannotStart = true;
      this.logger.error(
        `A span decoder thread could not start (${error.message}); OTLP requests are decoded on the event loop`,
      );
    }
    return this.inThread.decode(encoding, body);
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map(thread => thread.terminate()));
  }
}
