import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EvidenceFact,
  EvidenceSentence,
  formatNumber,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionMeasurementRequest,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { prometheusGraphLink } from '../prometheus/graphLink';
import { readInstant } from '../prometheus/measurementWindow';
import {
  InstantQueryResult,
  PrometheusClient,
  queryAll,
  readPrometheusSettings,
} from '../../../prometheus';
import { formatPrometheusDuration } from '../prometheus/prometheusDuration';
import { PrometheusCriterionSourceOptions } from '../prometheus/prometheusCriterionSource';
import {
  queryTemplateValues,
  renderQueryTemplate,
} from '../prometheus/queryTemplate';
import { singleValue } from '../prometheus/singleValue';
import {
  BurnRateDefinition,
  readBurnRateDefinition,
} from './burnRateDefinition';
import { PairBurn, pairBurn } from './pairBurn';

/**
 * The `burn-rate` criterion source: how fast a service spends its SLO's
 * error budget, over the multi-window, multi-burn-rate pairs of the Google
 * SRE workbook, read from the Prometheus server of
 * `qualityGates.gates.prometheus` at the window's end (the window's start
 * is not used: the pairs are the windows).
 *
 * The value is the largest `min(long burn, short burn) / factor` over the
 * pairs: 1 or more means some pair alerts — the budget burns too fast to
 * deploy. A pair where either window has no data has no burn; without any
 * pair the value is null.
 *
 * Returns undefined — and logs that it does — when
 * `qualityGates.gates.prometheus.baseUrl` is not configured.
 *
 * Definition: `sloTarget` (e.g. 0.999), `errorRatioQuery` (PromQL using
 * `{{window}}`), optional `windows` (pairs of `long`, `short`, `factor`;
 * the workbook's four by default) and `checkCoverage` (default true: a
 * long window counts only when the data reaches back to its start).
 */
export function createBurnRateCriterionSource(
  options: PrometheusCriterionSourceOptions,
): CriterionSource | undefined {
  const settings = readPrometheusSettings(options.config);
  if (!settings) {
    options.logger.info(
      'qualityGates.gates.prometheus.baseUrl is not set: burn-rate criteria cannot be measured',
    );
    return undefined;
  }
  const client = new PrometheusClient({ ...settings, fetch: options.fetch });
  return {
    id: 'burn-rate',
    measure: request =>
      measure(request, client, settings.externalUrl, options.logger),
  };
}

async function measure(
  request: CriterionMeasurementRequest,
  client: PrometheusClient,
  externalUrl: string,
  logger: LoggerService,
): Promise<CriterionMeasurement> {
  const definition = readBurnRateDefinition(request.definition);
  const end = readInstant(request.window.end, 'window.end');
  const queryFor = (seconds: number) =>
    renderQueryTemplate(
      definition.errorRatioQuery,
      queryTemplateValues(request, {
        duration: formatPrometheusDuration(seconds),
        seconds,
      }),
      'errorRatioQuery',
    );

  const windowSeconds = [
    ...new Set(
      definition.windows.flatMap(pair => [pair.longSeconds, pair.shortSeconds]),
    ),
  ].sort((a, b) => a - b);
  const queries = windowSeconds.map(s => [s, queryFor(s)] as [number, string]);
  const probed = definition.checkCoverage ? definition.windows : [];

  const results = await queryAll(request.signal, [
    ...queries.map(
      ([, query]) =>
        (signal: AbortSignal) =>
          client.instantQuery(query, end, signal),
    ),
    // Where each long window begins: is there data that far back?
    ...probed.map(
      pair => (signal: AbortSignal) =>
        client.instantQuery(
          queryFor(pair.shortSeconds),
          new Date(
            end.getTime() - (pair.longSeconds - pair.shortSeconds) * 1000,
          ),
          signal,
        ),
    ),
  ]);
  const ratios = new Map(
    queries.map(([seconds, query], i) => [
      seconds,
      singleValue(
        results[i],
        query,
        `errorRatioQuery over ${formatPrometheusDuration(seconds)}`,
      ),
    ]),
  );
  const covered = new Map(
    probed.map((pair, i) => [pair, hasSeries(results[queries.length + i])]),
  );

  const errorBudget = 1 - definition.sloTarget;
  const pairs = definition.windows.map(pair =>
    pairBurn(pair, {
      long: ratios.get(pair.longSeconds)!,
      short: ratios.get(pair.shortSeconds)!,
      longCovered: covered.get(pair) ?? true,
      errorBudget,
    }),
  );
  const deciding = worstPair(pairs);
  // The evidence shows and links the long window of the deciding pair.
  const shownPair = deciding ?? pairs[0];
  const shownQuery = queryOver(queries, shownPair.longSeconds);

  logger.debug(
    `burn-rate criterion for ${request.entityRef} in ${request.environment}: ${
      deciding?.burnOverFactor ?? null
    }`,
  );
  return {
    value: deciding?.burnOverFactor ?? null,
    link: prometheusGraphLink(externalUrl, shownQuery, {
      range: shownPair.long,
      end,
    }),
    ...burnRateEvidence({
      sloTarget: definition.sloTarget,
      pairs,
      deciding,
    }),
    details: {
      query: shownQuery,
      ...details(definition, { end, queries, pairs, deciding }),
    },
  };
}

/**
 * Whether the coverage probe found data: the query over the pair's short
 * window, evaluated where the long window begins, returned a series (NaN
 * counts: the series exist, nothing happened). Each pair is calibrated to
 * a share of the budget spent over its long window (3 d at 1× is 10 % of
 * a 30-day budget); a service with two hours of history has not spent it,
 * whatever its two-hour ratio.
 */
function hasSeries(result: InstantQueryResult): boolean {
  return result.resultType !== 'vector' || result.samples.length > 0;
}

function queryOver(queries: Array<[number, string]>, seconds: number): string {
  return queries.find(([s]) => s === seconds)![1];
}

/** The pair closest to alerting (or furthest past it), if any has data. */
function worstPair(pairs: PairBurn[]): PairBurn | undefined {
  return pairs.reduce<PairBurn | undefined>((worst, pair) => {
    if (pair.burnOverFactor === null) return worst;
    if (!worst || pair.burnOverFactor > worst.burnOverFactor!) return pair;
    return worst;
  }, undefined);
}

function details(
  definition: BurnRateDefinition,
  evaluation: {
    end: Date;
    queries: Array<[number, string]>;
    pairs: PairBurn[];
    deciding?: PairBurn;
  },
): Record<string, unknown> {
  const { pairs, deciding } = evaluation;
  return {
    sloTarget: definition.sloTarget,
    errorBudget: 1 - definition.sloTarget,
    evaluatedAt: evaluation.end.toISOString(),
    checkCoverage: definition.checkCoverage,
    errorRatioQueries: Object.fromEntries(
      evaluation.queries.map(([seconds, query]) => [
        formatPrometheusDuration(seconds),
        query,
      ]),
    ),
    pairs: pairs.map(({ longSeconds, shortSeconds, ...shown }) => shown),
    alertingPairs: pairs.filter(p => p.alerting).map(p => p.name),
    ...(deciding
      ? { decidingPair: deciding.name }
      : { noData: 'no pair had data in both of its windows' }),
  };
}

type ShownPair = Pick<
  PairBurn,
  | 'name'
  | 'factor'
  | 'longBurn'
  | 'shortBurn'
  | 'longErrorRatio'
  | 'shortErrorRatio'
  | 'burnOverFactor'
  | 'alerting'
  | 'noData'
>;

const times = (value: number): EvidenceFact => ({
  kind: 'number',
  value,
  unit: '×',
});

/**
 * "the error budget burns 2.3× the sustainable rate over 1h/5m; alerts at
 * 14.4× (SLO 99.9 %)", or why no pair had data.
 */
export function burnRateEvidence(observed: {
  sloTarget: number;
  pairs: ShownPair[];
  deciding?: ShownPair;
}): Pick<CriterionMeasurement, 'summary' | 'facts'> {
  const { sloTarget, pairs, deciding } = observed;
  const slo: EvidenceSentence = [
    ' (SLO ',
    { kind: 'ratio', value: sloTarget },
    ')',
  ];
  const facts: EvidenceFact[] = [
    { kind: 'ratio', value: sloTarget, label: 'SLO target' },
    ...pairs.map(pair => ({
      kind: 'text' as const,
      label: `Pair ${pair.name}`,
      text:
        pair.burnOverFactor === null
          ? `no burn: ${pair.noData ?? 'no data'}`
          : `burn ${formatNumber(
              Math.min(pair.longBurn!, pair.shortBurn!),
            )}× (alerts at ${formatNumber(pair.factor)}×)${
              pair.alerting ? ', alerting' : ''
            }`,
    })),
  ];
  if (!deciding) {
    const reason = pairs.find(pair => pair.noData)?.noData;
    return {
      summary: [
        'no window pair had data in both of its windows',
        ...(reason ? [` (${reason})`] : []),
      ],
      facts,
    };
  }
  const burn = Math.min(deciding.longBurn!, deciding.shortBurn!);
  return {
    summary: [
      'the error budget burns ',
      times(burn),
      ` the sustainable rate over ${deciding.name}; `,
      deciding.alerting ? 'past the alert at ' : 'alerts at ',
      times(deciding.factor),
      ...slo,
    ],
    facts,
  };
}
