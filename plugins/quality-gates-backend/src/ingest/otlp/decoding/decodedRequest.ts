import { EntityHints } from '../../../catalog/EntityResolver';
import { EntityAssignment } from '../../../delivery/DeliveryBatch';
import { decodeJsonTraces } from '../otlpJson';
import { decodeProtobufTraces } from '../otlpProtobuf';
import { OtlpTraces, RejectedSpan } from '../OtlpTraces';
import {
  pipelineRunsOfTraces,
  TracedPipelineRun,
} from '../pipelineRunsOfTraces';
import { resourceEntityHints } from '../resourceEntityHints';
import { spanBatch, SpanBatch, SpanGroup } from '../spanBatch';

export type OtlpEncoding = 'protobuf' | 'json';

/** How a batch is written: COPY text (PostgreSQL) or rows (SQLite). */
export type BatchFormat = 'copy' | 'rows';

/** What the request handler needs of a decoded request before its batch. */
export interface DecodedSummary {
  rejected: RejectedSpan[];
  /** What each resource (by its index) says about its entity. */
  resourceHints: EntityHints[];
  /** The pipeline runs the spans describe. */
  runs: TracedPipelineRun[];
}

/** A request's traces, decoded; their batch is made once entities are known. */
export interface DecodedTraces extends DecodedSummary {
  traces: OtlpTraces;
}

/** Decodes a body; a body that is not a request is an InputError. */
export function decodeTraces(
  encoding: OtlpEncoding,
  body: Uint8Array,
): DecodedTraces {
  const traces =
    encoding === 'protobuf'
      ? decodeProtobufTraces(body)
      : decodeJsonTraces(
          Buffer.isBuffer(body)
            ? body
            : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
        );
  return {
    traces,
    rejected: traces.rejected,
    resourceHints: traces.resourceSpans.map(({ resourceAttributes }) =>
      resourceEntityHints(resourceAttributes),
    ),
    runs: pipelineRunsOfTraces(traces),
  };
}

/**
 * The batch of decoded spans, each resource's spans with the entity it
 * resolved to (`entities[i]` for resource `i`).
 */
export function batchOfTraces(
  traces: OtlpTraces,
  entities: EntityAssignment[],
  format: BatchFormat,
  receivedAt: Date,
): SpanBatch {
  const groups: SpanGroup[] = traces.resourceSpans
    .map(({ resourceAttributes, spans }, i) => ({
      resourceAttributes,
      entity: entities[i],
      spans,
    }))
    .filter(group => group.spans.length > 0);
  return spanBatch(groups, { format, receivedAt });
}
