import { Knex } from 'knex';
import { formatPrometheusDuration } from '../../prometheus/prometheusDuration';
import { BaselineStrategy } from '../compareDefinition';
import { CompareQueries } from '../metrics/compareQueries';
import { ComparedSide, MetricComparer } from '../metrics/MetricComparison';
import { SeriesSelector } from '../seriesSelector';
import { readDeploymentHistory } from './previousDeployment';

const OFFSET_SECONDS = { none: 0, '1d': 86_400, '7d': 7 * 86_400 } as const;
export type BaselineOffset = keyof typeof OFFSET_SECONDS;

/** The baseline found, or why none was: shown in the evidence. */
export interface BaselineChoice {
  requested: BaselineStrategy;
  /** What was used; undefined when nothing could be. */
  strategy?: 'canary' | 'previous';
  offset: BaselineOffset;
  side?: ComparedSide;
  reason: string;
  /** Canary detection: traffic per other version near the window's end. */
  otherVersions?: Record<string, number>;
  /** The query that looked for versions serving beside the candidate. */
  canaryQuery?: string;
}

/**
 * Finds the version to compare against. Canary: the other version with
 * the most traffic near the window's end (serving beside the one under
 * test), over the same window. Previous: the version deployed before this
 * one (deployments table), over a window of the same length ending at this
 * version's deploy — or, with an offset, the candidate's window one day or
 * week earlier, for diurnal traffic. Auto tries canary, then previous.
 */
export async function findBaseline(options: {
  knex: Knex;
  queries: CompareQueries;
  comparer: MetricComparer;
  selector: SeriesSelector;
  request: { entityRef: string; environment: string; version: string };
  candidate: ComparedSide;
  compareWith: { strategy: BaselineStrategy; offset: BaselineOffset };
}): Promise<BaselineChoice> {
  const { strategy: requested, offset } = options.compareWith;
  const common = { requested, offset };
  if (requested === 'previous') {
    return { ...common, ...(await previousBaseline(options)) };
  }
  const canary = await canaryBaseline(options);
  if (canary.side || requested === 'canary') return { ...common, ...canary };
  // Auto without a canary: a rolling deploy. Keep why canary did not apply.
  const previous = await previousBaseline(options);
  return {
    ...common,
    ...previous,
    canaryQuery: canary.canaryQuery,
    reason: `${canary.reason}; ${previous.reason}`,
  };
}

/**
 * Serving beside it: traffic in the window's last quarter, at least a
 * minute and at most five. Longer, the version a rolling deploy replaced
 * minutes ago would still count as a canary beside it, and the baseline
 * would switch to the version before part-way through the looks.
 */
const MOST_RECENT_SECONDS = 300;
function recentSeconds(candidate: ComparedSide): number {
  return Math.min(
    candidate.seconds,
    Math.max(
      60,
      Math.min(MOST_RECENT_SECONDS, Math.round(candidate.seconds / 4)),
    ),
  );
}

async function canaryBaseline(options: {
  queries: CompareQueries;
  comparer: MetricComparer;
  selector: SeriesSelector;
  candidate: ComparedSide;
}): Promise<Omit<BaselineChoice, 'requested' | 'offset'>> {
  const { candidate, selector } = options;
  const recent = formatPrometheusDuration(recentSeconds(candidate));
  const query = options.comparer.presenceQuery(selector, recent);
  const [result] = await options.queries.instant([
    { query, time: candidate.end },
  ]);
  const traffic: Record<string, number> = {};
  if (result.resultType === 'vector') {
    for (const sample of result.samples) {
      const version = sample.labels[selector.versionLabel];
      if (
        version &&
        version !== candidate.version &&
        Number.isFinite(sample.value) &&
        sample.value > 0
      ) {
        traffic[version] = sample.value;
      }
    }
  }
  const largest = Object.entries(traffic).sort((a, b) => b[1] - a[1])[0];
  if (!largest) {
    return {
      canaryQuery: query,
      reason: `no other value of '${selector.versionLabel}' served beside ${candidate.version} in the last ${recent} of the window`,
    };
  }
  return {
    strategy: 'canary',
    canaryQuery: query,
    side: { ...candidate, version: largest[0] },
    otherVersions: traffic,
    reason: `${largest[0]} served beside ${
      candidate.version
    } in the last ${recent} of the window (the most traffic of ${
      Object.keys(traffic).length
    } other version(s)); both are compared over the same window`,
  };
}

async function previousBaseline(options: {
  knex: Knex;
  request: { entityRef: string; environment: string; version: string };
  candidate: ComparedSide;
  compareWith: { offset: BaselineOffset };
}): Promise<Omit<BaselineChoice, 'requested' | 'offset'>> {
  const { request, candidate } = options;
  const history = await readDeploymentHistory(options.knex, request);
  if (!history) {
    return {
      reason: `no deployment of ${request.version} to ${request.environment} is recorded, so the version before it is unknown`,
    };
  }
  if (!history.previous) {
    return {
      reason: `no successful deployment of another version to ${request.environment} before ${request.version} is recorded`,
    };
  }
  const offsetSeconds = OFFSET_SECONDS[options.compareWith.offset];
  const endMs = offsetSeconds
    ? candidate.end.getTime() - offsetSeconds * 1000
    : history.deployedAt.getTime();
  const side: ComparedSide = {
    version: history.previous.version,
    start: new Date(endMs - candidate.seconds * 1000),
    end: new Date(endMs),
    seconds: candidate.seconds,
    duration: candidate.duration,
  };
  const when = offsetSeconds
    ? `the same window ${options.compareWith.offset} earlier`
    : `the ${candidate.duration} before ${
        request.version
      } was deployed (${history.deployedAt.toISOString()})`;
  return {
    strategy: 'previous',
    side,
    reason: `${history.previous.version} was deployed before ${request.version} (deployment ${history.previous.deploymentId}); it is compared over ${when}`,
  };
}
