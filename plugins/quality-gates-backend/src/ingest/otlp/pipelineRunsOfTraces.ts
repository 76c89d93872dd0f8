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
import { nanosToIso } from './spanTime';

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
  return value === undefined ? undefined : value.slice(0, length);
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
  return `${ci.pipelineName!.slice(0, 160)}#${ci.runId.slice(0, 80)}${attempt}`;
}

/**
 * Jenkins names the repository and branch on its checkout spans, not on the
 * run span: fills what the run span lacks from the other spans of its trace
 * in the same request, earliest first.
 */
function fillFromTrace(
  ci: CiAttributes,
  traceSpans: Array<{ span: OtlpSpan; resource: Attributes }>,
): CiAttributes {
  const filled = { ...ci };
  const sorted = [...traceSpans].sort((a, b) =>
    a.span.startTimeUnixNano < b.span.startTimeUnixNano ? -1 : 1,
  );
  for (const { span } of sorted) {
    if (filled.revision && filled.ref && normaliseRepository(filled)) break;
    const other = normaliseCiAttributes(span.attributes);
    filled.revision ??= other.revision;
    filled.ref ??= other.ref;
    if (!normaliseRepository(filled) && normaliseRepository(other)) {
      filled.repositoryUrl = other.repositoryUrl;
      filled.repositoryName = other.repositoryName;
      filled.repositoryOwner = other.repositoryOwner;
      filled.repositoryHost = other.repositoryHost;
    }
  }
  return filled;
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
  const spansByTrace = new Map<
    string,
    Array<{ span: OtlpSpan; resource: Attributes }>
  >();
  if (needsTrace.size > 0) {
    for (const { resourceAttributes, spans } of traces.resourceSpans) {
      for (const span of spans) {
        if (!needsTrace.has(span.traceId)) continue;
        const list = spansByTrace.get(span.traceId) ?? [];
        list.push({ span, resource: resourceAttributes });
        spansByTrace.set(span.traceId, list);
      }
    }
  }

  for (const pendingRun of pending) {
    const { span, resource } = pendingRun;
    const ci = needsTrace.has(span.traceId)
      ? fillFromTrace(pendingRun.ci, spansByTrace.get(span.traceId) ?? [])
      : pendingRun.ci;
    const externalId = externalIdOf(ci, span.traceId);
    if (found.has(externalId)) continue;
    const repository = normaliseRepository(ci);
    const hints = resourceEntityHints(resource);
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
        startedAt: nanosToIso(span.startTimeUnixNano),
        finishedAt: nanosToIso(span.endTimeUnixNano),
        traceId: span.traceId,
        url: ci.runUrl,
      },
      hints,
    });
  }
  return [...found.values()];
}
