import { EntityHints } from '../../catalog/EntityResolver';
import { PipelineRunReport } from '../../delivery/DeliveryBatch';
import {
  CiAttributes,
  CI_ATTRIBUTE_ALIASES,
  githubSlugOf,
  isCiTask,
  normaliseCiAttributes,
  normaliseRepository,
} from './ciAttributes';
import { Attributes, OtlpSpan, OtlpTraces } from './OtlpTraces';
import { resourceEntityHints } from './resourceEntityHints';
import { firstJobStarts, runQueue } from './runQueue';
import { nanosToIso } from './spanTime';
import { clipText } from '../../input/storableText';

/** The source of pipeline runs read from traces. */
export const OTLP_SOURCE = 'otlp';

/** A pipeline run found in a request, and what identifies its entity. */
export interface TracedPipelineRun {
  run: Omit<PipelineRunReport, 'entityRef' | 'entityHint'>;
  hints: EntityHints;
}

const PIPELINE_NAME_KEYS = CI_ATTRIBUTE_ALIASES.pipelineName;
const RUN_KEYS = [
  ...PIPELINE_NAME_KEYS,
  ...CI_ATTRIBUTE_ALIASES.runId,
  ...CI_ATTRIBUTE_ALIASES.result,
];

function hasAny(attributes: Attributes, keys: readonly string[]): boolean {
  return keys.some(key => attributes[key] !== undefined);
}

function clip(value: string | undefined, length: number): string | undefined {
  return value === undefined ? undefined : clipText(value, length);
}

/**
 * Whether a span is the span of a whole pipeline run. The CI/CD conventions
 * make it a SERVER span named after the pipeline; producers put the run's
 * attributes on the span or on its resource. Task spans (jobs, steps) share
 * the resource, so they are told apart by their task attributes; spans of
 * tools running inside CI share it too, so a run span is either a trace's
 * root or carries run attributes itself (a run continuing an upstream
 * trace).
 */
function pipelineRunAttributes(
  span: OtlpSpan,
  resource: Attributes,
  resourceNamesPipeline: boolean,
): CiAttributes | undefined {
  const isRoot = !span.parentSpanId;
  if (!isRoot && span.kind !== 'server') return undefined;
  const spanNamesRun = hasAny(span.attributes, RUN_KEYS);
  if (!isRoot && !spanNamesRun) return undefined;
  if (!spanNamesRun && !resourceNamesPipeline) return undefined;
  const ci = normaliseCiAttributes({ ...resource, ...span.attributes });
  return ci.pipelineName && !isCiTask(ci) ? ci : undefined;
}

/** A sha fits the column; other revision schemes (e.g. numbers) are kept too. */
function revisionOf(ci: CiAttributes): string | undefined {
  return ci.revision && ci.revision.length <= 64
    ? ci.revision.toLowerCase()
    : undefined;
}

/**
 * Source-scoped id of a run, stable across redeliveries and across the
 * requests a trace is split into: pipeline name and run id (and attempt),
 * or the trace when the producer names no run id.
 */
function externalIdOf(ci: CiAttributes, traceId: string): string {
  if (!ci.runId) return `trace:${traceId}`;
  const attempt = ci.runAttempt ? `#${ci.runAttempt}` : '';
  const key = `${clipText(ci.pipelineName!, 160)}#${clipText(
    ci.runId,
    80,
  )}${attempt}`;
  // U+FFFD may stand for characters that could not be stored (decoding
  // replaced them): two different runs could meet in one key, so such a
  // run is keyed by its trace instead.
  return key.includes('\uFFFD') ? `trace:${traceId}` : key;
}

/** What a trace's spans say about the code built, each from the earliest span saying it. */
interface TraceFacts {
  revision?: string;
  ref?: string;
  /** The repository fields of the earliest span that names a repository. */
  repository?: Pick<
    CiAttributes,
    'repositoryUrl' | 'repositoryName' | 'repositoryOwner' | 'repositoryHost'
  >;
}

/**
 * Jenkins names the repository and branch on its checkout spans, not on the
 * run span. Read once per trace (earliest span first), so a request of many
 * runs in one trace costs one pass over it, not one per run.
 */
function traceFacts(
  traceSpans: Array<{ span: OtlpSpan; resource: Attributes }>,
): TraceFacts {
  const facts: TraceFacts = {};
  const sorted = [...traceSpans].sort((a, b) =>
    a.span.startTimeUnixNano < b.span.startTimeUnixNano ? -1 : 1,
  );
  for (const { span } of sorted) {
    if (facts.revision && facts.ref && facts.repository) break;
    const other = normaliseCiAttributes(span.attributes);
    facts.revision ??= other.revision;
    facts.ref ??= other.ref;
    if (!facts.repository && normaliseRepository(other)) {
      facts.repository = {
        repositoryUrl: other.repositoryUrl,
        repositoryName: other.repositoryName,
        repositoryOwner: other.repositoryOwner,
        repositoryHost: other.repositoryHost,
      };
    }
  }
  return facts;
}

/** What the run span lacks, filled from the other spans of its trace. */
function fillFromTrace(ci: CiAttributes, facts: TraceFacts): CiAttributes {
  return {
    ...ci,
    revision: ci.revision ?? facts.revision,
    ref: ci.ref ?? facts.ref,
    ...(!normaliseRepository(ci) && facts.repository ? facts.repository : {}),
  };
}

/**
 * The pipeline runs a request's spans describe, read through the CI/CD
 * semantic conventions and their known aliases. A run without an explicit
 * result takes its span's status: a failed span failed the run, otherwise
 * it succeeded (OTel's unset status means "no error").
 */
export function pipelineRunsOfTraces(traces: OtlpTraces): TracedPipelineRun[] {
  const found = new Map<string, TracedPipelineRun>();
  const pending: Array<{
    ci: CiAttributes;
    span: OtlpSpan;
    resource: Attributes;
  }> = [];

  for (const { resourceAttributes, spans } of traces.resourceSpans) {
    const resourceNamesPipeline = hasAny(
      resourceAttributes,
      PIPELINE_NAME_KEYS,
    );
    for (const span of spans) {
      const ci = pipelineRunAttributes(
        span,
        resourceAttributes,
        resourceNamesPipeline,
      );
      if (ci) pending.push({ ci, span, resource: resourceAttributes });
    }
  }
  if (pending.length === 0) return [];

  const needsTrace = new Set(
    pending
      .filter(({ ci }) => !ci.revision || !ci.ref || !normaliseRepository(ci))
      .map(({ span }) => span.traceId),
  );
  // Every run's trace: its first job tells its queue time.
  const runTraces = new Set(pending.map(({ span }) => span.traceId));
  const spansByTrace = new Map<
    string,
    Array<{ span: OtlpSpan; resource: Attributes }>
  >();
  for (const { resourceAttributes, spans } of traces.resourceSpans) {
    for (const span of spans) {
      if (!runTraces.has(span.traceId)) continue;
      const list = spansByTrace.get(span.traceId) ?? [];
      list.push({ span, resource: resourceAttributes });
      spansByTrace.set(span.traceId, list);
    }
  }

  const factsByTrace = new Map<string, TraceFacts>();
  const jobsByTrace = new Map<string, Map<string, bigint>>();
  for (const pendingRun of pending) {
    const { span, resource } = pendingRun;
    // The key does not depend on what is filled in: a run seen is skipped.
    const externalId = externalIdOf(pendingRun.ci, span.traceId);
    if (found.has(externalId)) continue;
    let ci = pendingRun.ci;
    if (needsTrace.has(span.traceId)) {
      let facts = factsByTrace.get(span.traceId);
      if (!facts) {
        facts = traceFacts(spansByTrace.get(span.traceId) ?? []);
        factsByTrace.set(span.traceId, facts);
      }
      ci = fillFromTrace(ci, facts);
    }
    const repository = normaliseRepository(ci);
    const hints = resourceEntityHints(resource);
    let jobs = jobsByTrace.get(span.traceId);
    if (!jobs) {
      jobs = firstJobStarts(spansByTrace.get(span.traceId) ?? []);
      jobsByTrace.set(span.traceId, jobs);
    }
    const { queuedAt, startedAt } = runQueue(
      span,
      { ...resource, ...span.attributes },
      jobs.get(span.spanId),
    );
    if (!hints.repositorySlug) {
      const slug = githubSlugOf(repository);
      if (slug) hints.repositorySlug = slug;
    }
    found.set(externalId, {
      run: {
        source: OTLP_SOURCE,
        externalId,
        pipelineName: clip(ci.pipelineName, 255)!,
        runId: clip(ci.runId, 255),
        runAttempt: ci.runAttempt,
        ref: clip(ci.ref, 255),
        sha: revisionOf(ci),
        repository: clip(repository, 512),
        result:
          ci.result ?? (span.status.code === 'error' ? 'failure' : 'success'),
        ...(queuedAt ? { queuedAt } : {}),
        startedAt,
        finishedAt: nanosToIso(span.endTimeUnixNano),
        traceId: span.traceId,
        url: ci.runUrl,
      },
      hints,
    });
  }
  return [...found.values()];
}
