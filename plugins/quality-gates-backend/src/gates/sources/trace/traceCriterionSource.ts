import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { serviceVersionSql, spanNameCondition } from './spanNameMatch';
import {
  nearestRank,
  PERCENTILE_OF,
  readTraceDefinition,
  TraceDefinition,
} from './traceDefinition';
import {
  canonicalEntityRef,
  EvidenceFact,
  EvidenceSentence,
} from '@can-i-deploy/plugin-quality-gates-common';

/** Trace ids kept as evidence, for the waterfall. */
const EXAMPLE_TRACES = 5;

const DURATION_US = 'end_time_us - start_time_us';

function micros(iso: string): number {
  return DateTime.fromISO(iso).toMillis() * 1000;
}

/**
 * `source: trace`: trace-based release testing from the spans received
 * over OTLP. It reads the entity's spans of the version under test —
 * resource attribute `service.version` equal to the version — that started
 * within the gate's window, and among them those named `spanName` (exact or
 * a glob), optionally of one `service`:
 *
 * - `assert: errorSpans` — how many of them have status error (judge with
 *   e.g. `pass: ['== 0']`);
 * - `durationP50Ms`, `durationP95Ms` (nearest rank), `durationMaxMs` — their
 *   duration in milliseconds (e.g. `pass: ['<= 300']`).
 *
 * Fewer matching spans than `minSpans` (default 1) is no data: a version
 * that sent no traces never passes silently. The evidence keeps the sample
 * size and up to five trace ids: of error spans, or of the slowest spans.
 * Matching happens in SQL on both databases (each reads the JSON resource
 * attributes with its own function), so no span rows are loaded.
 */
export function createTraceCriterionSource(knex: Knex): CriterionSource {
  return {
    id: 'trace',
    // Reads only the platform's records of the entity being evaluated.
    safeForRepositoryConfig: true,
    async measure({ entityRef, version, definition, window }) {
      const trace = readTraceDefinition(definition);
      const ofVersion = knex('spans')
        .where('entity_ref', canonicalEntityRef(entityRef))
        .whereBetween('start_time_us', [
          micros(window.start),
          micros(window.end),
        ])
        .whereRaw(`${serviceVersionSql(knex)} = ?`, [version]);
      const name = spanNameCondition(knex, trace.spanName);
      const matching = ofVersion.clone().whereRaw(name.sql, name.bindings);
      if (trace.service) matching.where('service_name', trace.service);

      const [versionCount, counts] = await Promise.all([
        ofVersion.clone().count({ count: '*' }).first(),
        matching
          .clone()
          .first(
            knex.raw('count(*) as spans'),
            knex.raw(
              "sum(case when status_code = 'error' then 1 else 0 end) as errors",
            ),
          ),
      ]);
      const versionSpans = Number(versionCount?.count ?? 0);
      const matchedSpans = Number(counts?.spans ?? 0);
      const errorSpans = Number(counts?.errors ?? 0);
      const details: Record<string, unknown> = {
        spanName: trace.spanName,
        ...(trace.service ? { service: trace.service } : {}),
        version,
        assert: trace.assert,
        matchedSpans,
        errorSpans,
        versionSpans,
      };
      if (matchedSpans < trace.minSpans) {
        const reason = noDataReason(trace, details);
        return {
          value: null,
          sampleSize: matchedSpans,
          summary: [reason],
          facts: traceFacts(trace, { matchedSpans, errorSpans, versionSpans }),
          details: { ...details, reason },
        };
      }
      const measured =
        trace.assert === 'errorSpans'
          ? await errorsOf(matching, errorSpans)
          : await durationOf(
              knex,
              matching,
              PERCENTILE_OF[trace.assert],
              matchedSpans,
            );
      return {
        value: measured.value,
        sampleSize: matchedSpans,
        ...traceEvidence(trace, {
          value: measured.value,
          matchedSpans,
          errorSpans,
          versionSpans,
          exampleTraceIds: measured.details!.exampleTraceIds as string[],
        }),
        details: { ...details, ...measured.details },
      };
    },
  };
}

async function errorsOf(
  matching: Knex.QueryBuilder,
  errorSpans: number,
): Promise<CriterionMeasurement & { value: number }> {
  const latest: Array<{ trace_id: string }> = await matching
    .clone()
    .where('status_code', 'error')
    .groupBy('trace_id')
    .select('trace_id')
    .orderByRaw('max(start_time_us) desc, trace_id')
    .limit(EXAMPLE_TRACES);
  return {
    value: errorSpans,
    details: {
      exampleTraceIds: latest.map(row => row.trace_id),
      examples: 'the latest traces with error spans',
    },
  };
}

async function durationOf(
  knex: Knex,
  matching: Knex.QueryBuilder,
  percent: number,
  matchedSpans: number,
): Promise<CriterionMeasurement & { value: number }> {
  const rank = nearestRank(percent, matchedSpans);
  const [[atRank], slowest] = await Promise.all([
    matching
      .clone()
      .select(knex.raw(`${DURATION_US} as duration_us`))
      .orderByRaw(`${DURATION_US} asc, trace_id, span_id`)
      .offset(rank - 1)
      .limit(1) as Promise<Array<{ duration_us: number | string }>>,
    matching
      .clone()
      .groupBy('trace_id')
      .select('trace_id')
      .orderByRaw(`max(${DURATION_US}) desc, trace_id`)
      .limit(EXAMPLE_TRACES),
  ]);
  return {
    value: Number(atRank.duration_us) / 1000,
    details: {
      percentile: percent,
      rank,
      exampleTraceIds: (slowest as Array<{ trace_id: string }>).map(
        row => row.trace_id,
      ),
      examples: 'the traces with the slowest matching spans',
    },
  };
}

function noDataReason(
  trace: TraceDefinition,
  details: Record<string, unknown>,
): string {
  const named = `spans named '${trace.spanName}'${
    trace.service ? ` of service ${trace.service}` : ''
  }`;
  if (details.versionSpans === 0) {
    return `no spans of version ${details.version} (resource attribute service.version) in the window`;
  }
  return details.matchedSpans === 0
    ? `no ${named} among ${details.versionSpans} spans of version ${details.version}`
    : `${details.matchedSpans} ${named}, fewer than minSpans ${trace.minSpans}`;
}

const ASSERTED: Record<string, string> = {
  durationP50Ms: 'median duration',
  durationP95Ms: 'p95 duration',
  durationMaxMs: 'longest duration',
};

interface TraceCounts {
  matchedSpans: number;
  errorSpans: number;
  versionSpans: number;
  exampleTraceIds?: string[];
}

function traceFacts(
  trace: Pick<TraceDefinition, 'spanName' | 'service'>,
  counts: TraceCounts,
): EvidenceFact[] {
  return [
    { kind: 'text', text: trace.spanName, label: 'Span name' },
    ...(trace.service
      ? [{ kind: 'text' as const, text: trace.service, label: 'Service' }]
      : []),
    { kind: 'count', value: counts.matchedSpans, label: 'Matching spans' },
    { kind: 'count', value: counts.errorSpans, label: 'Error spans' },
    ...(counts.exampleTraceIds?.length
      ? [
          {
            kind: 'text' as const,
            text: counts.exampleTraceIds.join(', '),
            label: 'Example traces',
          },
        ]
      : []),
  ];
}

/** "2 error spans among 120 spans named 'checkout*'", "p95 duration 312 ms of …". */
export function traceEvidence(
  trace: Pick<TraceDefinition, 'spanName' | 'service' | 'assert'>,
  observed: TraceCounts & { value: number },
): Pick<CriterionMeasurement, 'summary' | 'facts' | 'valueKind'> {
  const spans: EvidenceSentence = [
    { kind: 'count', value: observed.matchedSpans, unit: 'span' },
    ` named '${trace.spanName}'${trace.service ? ` of ${trace.service}` : ''}`,
  ];
  if (trace.assert === 'errorSpans') {
    return {
      summary: [
        { kind: 'count', value: observed.value, unit: 'error span' },
        ' among ',
        ...spans,
      ],
      facts: traceFacts(trace, observed),
      valueKind: { kind: 'count', unit: 'error span' },
    };
  }
  return {
    summary: [
      `${ASSERTED[trace.assert] ?? trace.assert} `,
      { kind: 'duration', ms: observed.value },
      ' over ',
      ...spans,
    ],
    facts: traceFacts(trace, observed),
    valueKind: { kind: 'duration', unitMs: 1 },
  };
}
