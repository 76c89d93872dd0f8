import { EntityAssignment } from '../../../delivery/DeliveryBatch';
import { SpanBatch } from '../spanBatch';
import {
  batchOfTraces,
  BatchFormat,
  decodeTraces,
  DecodedSummary,
  DecodedTraces,
  OtlpEncoding,
} from './decodedRequest';

/**
 * A decoded request, its spans held by the decoder until the entities of
 * its resources are known and its batch is made.
 */
export interface PendingTraces extends DecodedSummary {
  /** The spans' batch (see `batchOfTraces`); the spans are let go. */
  batch(
    entities: EntityAssignment[],
    format: BatchFormat,
    receivedAt: Date,
  ): Promise<SpanBatch>;
  /** Lets the spans go without a batch (the request failed). */
  release(): void;
}

/** Decodes OTLP trace requests and makes their batches. */
export interface SpanDecoder {
  decode(encoding: OtlpEncoding, body: Buffer): Promise<PendingTraces>;
  /** Stops what the decoder started (threads); pending requests fail. */
  close(): Promise<void>;
}

/** Decodes on the calling thread (the event loop). */
export class InThreadSpanDecoder implements SpanDecoder {
  async decode(encoding: OtlpEncoding, body: Buffer): Promise<PendingTraces> {
    let decoded: DecodedTraces | undefined = decodeTraces(encoding, body);
    const { rejected, resourceHints, runs } = decoded;
    return {
      rejected,
      resourceHints,
      runs,
      async batch(entities, format, receivedAt) {
        if (!decoded) throw new Error('The spans were let go');
        const { traces } = decoded;
        decoded = undefined;
        return batchOfTraces(traces, entities, format, receivedAt);
      },
      release() {
        decoded = undefined;
      },
    };
  }

  async close(): Promise<void> {}
}
