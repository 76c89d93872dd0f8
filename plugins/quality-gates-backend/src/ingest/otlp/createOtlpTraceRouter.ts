import {
  AuthenticationError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { EntityResolver, EntityHints } from '../../catalog/EntityResolver';
import {
  EntityAssignment,
  PipelineRunReport,
} from '../../delivery/DeliveryBatch';
import { limitedRawBody } from '../../input/requestBody';
import { IngestContext, MAX_BODY_SIZE_SETTING } from '../IngestContext';
import { authorizeIngest } from '../authorizeIngest';
import { encodeProtobufResponse, encodeProtobufStatus } from './otlpProtobuf';
import { describeRejections, RejectedSpan } from './OtlpTraces';
import { hintsKey } from './resourceEntityHints';
import { SpanBatch, SpanStore } from './SpanStore';
import { OtlpEncoding } from './decoding/decodedRequest';
import { PendingTraces } from './decoding/SpanDecoder';
import { SpanPartitions } from './spanPartitions';
import { DEFAULT_RETENTION } from '../../maintenance/retention';

/** What a request writes: its spans and the pipeline runs they describe. */
interface SpanWrite {
  batch: SpanBatch;
  pipelineRuns: PipelineRunReport[];
}

/** Where OTLP/HTTP exporters send traces, under the plugin's base URL. */
export const OTLP_TRACES_PATH = '/v1/traces';

const ENCODINGS: Record<string, OtlpEncoding> = {
  'application/x-protobuf': 'protobuf',
  'application/protobuf': 'protobuf',
  'application/json': 'json',
};

class UnsupportedMediaTypeError extends CustomErrorBase {
  readonly statusCode = 415;
}

function encodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  return mediaType ? ENCODINGS[mediaType] : undefined;
}

/** Resolves each distinct hint set once, however many resources share it. */
async function resolveEach(
  resolver: EntityResolver,
  hints: EntityHints[],
): Promise<Map<string, EntityAssignment>> {
  const unique = new Map(hints.map(hint => [hintsKey(hint), hint]));
  const resolved = await Promise.all(
    [...unique].map(
      async ([key, hint]) => [key, await resolver.resolve(hint)] as const,
    ),
  );
  return new Map(resolved);
}

/** gRPC status codes for the OTLP error body, by HTTP status. */
function grpcCodeOf(status: number): number {
  if (status === 401) return 16; // UNAUTHENTICATED
  if (status === 403) return 7; // PERMISSION_DENIED
  if (status === 413) return 8; // RESOURCE_EXHAUSTED
  if (status === 503) return 14; // UNAVAILABLE
  return 3; // INVALID_ARGUMENT
}

function clientErrorStatus(error: Error): number | undefined {
  const status =
    (error as { statusCode?: unknown }).statusCode ??
    (error as { status?: unknown }).status;
  if (typeof status === 'number') return status;
  if (error.name === InputError.name) return 400;
  if (error.name === AuthenticationError.name) return 401;
  if (error.name === NotAllowedError.name) return 403;
  if (error.name === ServiceUnavailableError.name) return 503;
  return undefined;
}

/**
 * `POST /v1/traces`: the OTLP/HTTP trace receiver. Takes an
 * `ExportTraceServiceRequest` as protobuf (`application/x-protobuf`) or OTLP
 * JSON (`application/json`), gzip- or deflate-compressed or not, from any
 * OpenTelemetry exporter or Collector, authenticated as a service (static
 * token) or user.
 *
 * Every valid span is stored; invalid ones are rejected the OTLP way (200
 * with `partialSuccess`). CI pipeline runs found in the spans are written in
 * the same transaction; a span's run is found through its trace when read.
 * Answers in the request's encoding: 200 with an
 * `ExportTraceServiceResponse`; 400 unreadable body, 401, 413 larger than
 * `qualityGates.ingest.maxBodySize` (after inflating), 415 other content
 * types, 503 retry later.
 */
export function createOtlpTraceRouter(ctx: IngestContext): express.Router {
  const router = Router();
  const spans = new SpanStore(
    ctx.database,
    new SpanPartitions(ctx.database, {
      traceDays:
        ctx.config.getOptionalNumber('qualityGates.retention.traceDays') ??
        DEFAULT_RETENTION.traceDays,
    }),
  );

  /**
   * What a request writes: its pipeline runs and its spans' batch, made
   * before any transaction starts. The decoder holds the decoded spans
   * until the batch is made; they are garbage while the write waits for
   * the database.
   */
  async function prepareWrite(decoded: PendingTraces): Promise<SpanWrite> {
    const { resourceHints, runs } = decoded;
    let entities: Map<string, EntityAssignment>;
    try {
      entities = await resolveEach(ctx.resolver, [
        ...resourceHints,
        ...runs.map(({ hints }) => hints),
      ]);
    } catch (error) {
      decoded.release();
      throw error;
    }
    return {
      batch: await decoded.batch(
        resourceHints.map(hints => entities.get(hintsKey(hints))!),
        spans.batchFormat,
        new Date(),
      ),
      pipelineRuns: runs.map(({ run, hints }) => ({
        ...run,
        ...entities.get(hintsKey(hints))!,
      })),
    };
  }

  async function write({ batch, pipelineRuns }: SpanWrite): Promise<void> {
    if (batch.size === 0) return;
    await spans
      .prepare(batch)
      .catch(error =>
        ctx.logger.warn(
          `Could not create the span partitions of a request; its spans go to the default partition: ${error}`,
        ),
      );
    // The writer runs its transaction again after a deadlock, the span
    // store after meeting spans already stored. Spans find their run through
    // their trace when read, so writing them is all there is to do for them.
    await spans.writeOnce(
      batch,
      pipelineRuns.length > 0
        ? tx => ctx.writer.write({ pipelineRuns }, tx)
        : undefined,
    );
  }

  /** Decodes a body and makes what it writes. */
  async function decode(
    encoding: OtlpEncoding,
    body: Buffer,
  ): Promise<{ rejected: RejectedSpan[]; toWrite: SpanWrite }> {
    const decoded = await ctx.spanDecoder.decode(encoding, body);
    return { rejected: decoded.rejected, toWrite: await prepareWrite(decoded) };
  }

  router.post(
    OTLP_TRACES_PATH,
    // Authenticated and typed before the body is read.
    async (req, res, next) => {
      await authorizeIngest(ctx, req);
      const encoding = encodingOf(req.header('content-type'));
      if (!encoding) {
        throw new UnsupportedMediaTypeError(
          `Unsupported Content-Type '${
            req.header('content-type') ?? ''
          }': send application/x-protobuf or application/json`,
        );
      }
      res.locals.otlpEncoding = encoding;
      next();
    },
    // Inflates gzip/deflate bodies; the limit applies to the inflated size.
    limitedRawBody(ctx.maxBodySize, MAX_BODY_SIZE_SETTING),
    async (req, res) => {
      const encoding: OtlpEncoding = res.locals.otlpEncoding;
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const { rejected, toWrite } = await decode(encoding, body);
      try {
        await write(toWrite);
      } catch (error) {
        if ((error as Error).name === ServiceUnavailableError.name) {
          res.setHeader('Retry-After', '1');
        }
        throw error;
      }

      const partialSuccess = rejected.length
        ? {
            rejectedSpans: rejected.length,
            errorMessage: describeRejections(rejected),
          }
        : undefined;
      if (encoding === 'protobuf') {
        res
          .status(200)
          .type('application/x-protobuf')
          .send(Buffer.from(encodeProtobufResponse(partialSuccess)));
      } else {
        res.status(200).json(
          partialSuccess
            ? {
                partialSuccess: {
                  // int64 in the protobuf JSON mapping: a decimal string.
                  rejectedSpans: String(partialSuccess.rejectedSpans),
                  errorMessage: partialSuccess.errorMessage,
                },
              }
            : {},
        );
      }
    },
  );

  // OTLP/HTTP clients of the protobuf encoding read errors as a protobuf
  // google.rpc.Status; everyone else gets the backend's JSON error body.
  router.use(
    (
      error: Error,
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      const status = clientErrorStatus(error);
      if (
        res.headersSent ||
        encodingOf(req.header('content-type')) !== 'protobuf' ||
        !status ||
        status < 400 ||
        (status >= 500 && status !== 503)
      ) {
        next(error);
        return;
      }
      res
        .status(status)
        .type('application/x-protobuf')
        .send(
          Buffer.from(encodeProtobufStatus(grpcCodeOf(status), error.message)),
        );
    },
  );

  return router;
}
