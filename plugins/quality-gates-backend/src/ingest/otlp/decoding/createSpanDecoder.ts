import { availableParallelism } from 'node:os';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { isPostgres } from '../../../database/dialect';
import { InThreadSpanDecoder, SpanDecoder } from './SpanDecoder';
import {
  DEFAULT_THREAD_MIN_BODY_BYTES,
  SpanDecoderPool,
} from './SpanDecoderPool';

/** Where the number of decoder threads is set. */
export const DECODER_THREADS_SETTING = 'qualityGates.ingest.decoderThreads';
/** Where the size from which a request is decoded on a thread is set. */
export const MIN_BODY_BYTES_SETTING =
  'qualityGates.ingest.decoderThreadMinBodyBytes';

/**
 * Decoder threads by default: one per core beyond the first, at most two.
 * On one core a thread would only take turns with the event loop.
 */
export function defaultDecoderThreads(cores = availableParallelism()): number {
  return Math.max(0, Math.min(2, cores - 1));
}

/**
 * The OTLP trace decoder `qualityGates.ingest.decoderThreads` asks for: 0
 * decodes every request on the event loop; more decode large requests on
 * up to that many threads of their own. On SQLite every request is decoded
 * on the event loop: its rows are objects, written one request at a time,
 * not one buffer a thread could hand over.
 */
export function createSpanDecoder(
  config: Config,
  logger: LoggerService,
  database: Knex,
): SpanDecoder {
  const threads =
    config.getOptionalNumber(DECODER_THREADS_SETTING) ??
    defaultDecoderThreads();
  if (!Number.isInteger(threads) || threads < 0 || threads > 64) {
    throw new Error(
      `${DECODER_THREADS_SETTING} must be a whole number from 0 to 64, not ${threads}`,
    );
  }
  const minBodyBytes =
    config.getOptionalNumber(MIN_BODY_BYTES_SETTING) ??
    DEFAULT_THREAD_MIN_BODY_BYTES;
  if (!Number.isInteger(minBodyBytes) || minBodyBytes < 0) {
    throw new Error(
      `${MIN_BODY_BYTES_SETTING} must be a whole number of bytes, not ${minBodyBytes}`,
    );
  }
  return threads === 0 || !isPostgres(database)
    ? new InThreadSpanDecoder()
    : new SpanDecoderPool(logger, { threads, minBodyBytes });
}
