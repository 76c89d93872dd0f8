/*
 * Gate evaluation benchmark: the latency the plugin adds to a gate decision
 * of 10 Prometheus criteria (p95 of the decision minus the slowest provider
 * query of the same call, target at most 25 ms over HTTP), against the same
 * queries sent straight to Prometheus; and evaluations per second on
 * PostgreSQL, with those criteria and with criteria that answer at once.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/gate-evaluate.ts
 *
 * Everything the evaluator talks to is real: a Prometheus server started
 * over a TSDB backfilled with the deploy scenarios, a fresh PostgreSQL
 * database (dropped at the end), the backend's URL reader reading each
 * component's gate file from a loopback HTTP server. The only stand-ins are
 * a logger and, for the second throughput figure, a criterion source that
 * answers instantly, so that figure is the plugin's own cost. The same
 * overhead is then measured through POST /gates/evaluate on a real backend
 * (catalog and quality-gates plugins, static-token auth) started in a child
 * process, its catalog read from a file holding the bench's components and
 * `BENCH_CATALOG_SIZE` other ones.
 */
import { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  CriterionSource,
  qualityGatesCriterionSourcesExtensionPoint,
} from '@can-i-deploy/plugin-quality-gates-node';
import {
  PrometheusServer,
  startPrometheus,
} from '../plugins/quality-gates-backend/src/__testUtils__/prometheusServer';
import { applyDatabaseMigrations } from '../plugins/quality-gates-backend/src/database/migrations';
import { readCentralGates } from '../plugins/quality-gates-backend/src/gates/definitions/GateDefinitions';
import { GateDecisionStore } from '../plugins/quality-gates-backend/src/gates/decisions/GateDecisionStore';
import { GateOverrideStore } from '../plugins/quality-gates-backend/src/gates/overrides/GateOverrideStore';
import {
  GateDecision,
  GateEvaluator,
  GateRequest,
} from '../plugins/quality-gates-backend/src/gates/evaluation/GateEvaluator';
import { deployScenarios } from '../plugins/quality-gates-backend/src/gates/sources/__fixtures__/deployScenarios';
import { createPrometheusCriterionSource } from '../plugins/quality-gates-backend/src/gates/sources/prometheus';
import { GateEvaluationStore } from '../plugins/quality-gates-backend/src/gates/store/GateEvaluationStore';
import {
  benchDatabaseName,
  benchPort,
  machineLine,
  POSTGRES_URL,
} from './lib/benchEnv';
import {
  catalogConfigFor,
  waitForCatalogEntities,
  writeCatalogFile,
} from './lib/catalogFile';
import {
  askBackend,
  benchBackendConfig,
  forkBackend,
  serveParent,
  stopBackend,
} from './lib/backendProcess';
import { runBench } from './lib/runBench';
/** Timed evaluations of the latency figures, after uncounted ones. */
const EVALUATIONS = Number(process.env.BENCH_EVALUATIONS ?? 200);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 20);
/** Evaluations in flight for the throughput figures, and for how long. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Whether to measure through POST /gates/evaluate on a real backend too. */
const HTTP = process.env.BENCH_HTTP !== '0';
/** Components in the backend's catalog besides the bench's own. */
const CATALOG_SIZE = Number(process.env.BENCH_CATALOG_SIZE ?? 10_000);
/**
 * How often the catalog processes each entity again. Long by default, so
 * the run measures lookups in a large catalog rather than the catalog's
 * own processing competing for the cores (2 minutes is Backstage's
 * default, for a run with that load too).
 */
const CATALOG_PROCESSING_MINUTES = Number(
  process.env.BENCH_CATALOG_PROCESSING_MINUTES ?? 60,
);
/** Decision time beyond the slowest provider query, p95, over HTTP. */
const TARGET_OVERHEAD_MS = 25;
const TOKEN = 'bench-static-token';
const PROMETHEUS_TIMEOUT_SECONDS = 5;
const DEADLINE_SECONDS = 10;

// -------------------------------------------------------------- the gate --

/** The deploy scenarios, and what a gate must say about each. */
const SCENARIOS = [
  { service: 'clean', verdict: 'pass', keyCriterion: 'error-ratio' },
  { service: 'errors', verdict: 'fail', keyCriterion: 'error-ratio' },
  { service: 'latency', verdict: 'fail', keyCriterion: 'p95-latency' },
  { service: 'outage', verdict: 'fail', keyCriterion: 'error-ratio' },
] as const;
/** The state of each scenario's key criterion above. */
const KEY_STATES: Record<string, string> = {
  clean: 'pass',
  errors: 'fail',
  latency: 'fail',
  outage: 'no_data',
};
const ENVIRONMENT = 'production';
const VERSION = 'v2';

const MATCHERS =
  'service="{{entity.name}}",environment="{{environment}}",version="{{version}}"';
const REQUESTS = `http_requests_total{${MATCHERS}}`;
const ERRORS = `http_requests_total{${MATCHERS},code=~"5.."}`;
const rate = (selector: string) => `sum(rate(${selector}[{{window}}]))`;
const quantile = (q: number) =>
  `histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{${MATCHERS}}[{{window}}])))`;

const STUB_SOURCE = 'instant';

/**
 * Ten criteria as a platform team writes them: absolute thresholds,
 * degraded/critical pairs, two with a sample count (a second query each),
 * two relative to a baseline of earlier passing evaluations, two with a
 * flaky tolerance. `stubValue` is what the instant source answers: a value
 * every criterion passes with.
 */
const CRITERIA: Array<JsonObject & { key: string; stubValue: number }> = [
  {
    key: 'error-ratio',
    query: `${rate(ERRORS)} / ${rate(REQUESTS)}`,
    sampleCountQuery: `sum(increase(${REQUESTS}[{{window}}]))`,
    minSampleSize: 100,
    pass: ['<= 0.01'],
    warning: ['<= 0.02'],
    weight: 2,
    keyCriterion: true,
    stubValue: 0.005,
  },
  {
    key: 'p95-latency',
    query: quantile(0.95),
    degraded: 0.5,
    critical: 0.8,
    better: 'lower',
    keyCriterion: true,
    stubValue: 0.19,
  },
  {
    key: 'p50-latency',
    query: quantile(0.5),
    degraded: 0.15,
    critical: 0.3,
    better: 'lower',
    stubValue: 0.04,
  },
  {
    key: 'p99-latency',
    query: quantile(0.99),
    degraded: 1,
    critical: 2,
    better: 'lower',
    stubValue: 0.4,
  },
  {
    key: 'mean-latency',
    query: `sum(rate(http_request_duration_seconds_sum{${MATCHERS}}[{{window}}])) / sum(rate(http_request_duration_seconds_count{${MATCHERS}}[{{window}}]))`,
    pass: ['<= 0.3'],
    stubValue: 0.05,
  },
  {
    key: 'success-ratio',
    query: `sum(rate(http_requests_total{${MATCHERS},code="200"}[{{window}}])) / ${rate(
      REQUESTS,
    )}`,
    sampleCountQuery: `sum(increase(${REQUESTS}[{{window}}]))`,
    minSampleSize: 100,
    degraded: 0.99,
    critical: 0.98,
    better: 'higher',
    stubValue: 0.995,
  },
  {
    key: 'request-rate',
    query: rate(REQUESTS),
    pass: ['>= 1'],
    stubValue: 13,
  },
  {
    key: 'server-error-rate',
    query: rate(ERRORS),
    pass: ['<= 0.5'],
    flakyTolerance: 2,
    stubValue: 0.07,
  },
  {
    key: 'error-ratio-vs-baseline',
    query: `${rate(ERRORS)} / ${rate(REQUESTS)}`,
    pass: ['<=+10%'],
    baseline: { from: 5, aggregate: 'avg' },
    // The first evaluations have no baseline yet: out of the score.
    noData: 'ignore',
    stubValue: 0.005,
  },
  {
    key: 'p95-vs-baseline',
    query: quantile(0.95),
    pass: ['<=+20%'],
    baseline: { from: 10, aggregate: 'p50' },
    noData: 'ignore',
    flakyTolerance: 1,
    stubValue: 0.19,
  },
];

function gateDefinition(id: string, source: string): JsonObject {
  return {
    id,
    title: `Bench: ${source}`,
    environments: [ENVIRONMENT],
    window: { minutes: 15 },
    criteria: CRITERIA.map(({ stubValue, ...criterion }) => ({
      ...criterion,
      source,
      ...(source === STUB_SOURCE ? { value: stubValue } : {}),
    })),
  };
}

const PROMETHEUS_GATE = 'bench-prometheus';
const STUB_GATE = 'bench-instant';
/** The source id the backend's module adds, to time its queries. */
const TIMED_SOURCE = 'prometheus-timed';

/**
 * Prometheus answers gzip-compressed when asked, and fetch asks by default;
 * for answers of a few hundred bytes that costs more than it saves, so the
 * plugin asks for instant queries uncompressed (and the direct queries here
 * ask alike). One latency run asks for them compressed, to show the cost.
 */
const UNCOMPRESSED = { 'accept-encoding': 'identity' };
const COMPRESSED = { 'accept-encoding': 'gzip' };

function gatesConfig(
  prometheusUrl: string,
  definitions: JsonObject[],
  headers: Record<string, string> = {},
): JsonObject {
  return {
    deadlineSeconds: DEADLINE_SECONDS,
    prometheus: {
      baseUrl: prometheusUrl,
      timeoutSeconds: PROMETHEUS_TIMEOUT_SECONDS,
      headers,
    },
    definitions,
  };
}

/** Components evaluated by the instant gate are named so. */
const INSTANT_PREFIX = 'instant-';

/** A component's own gate file: it tightens the pass mark of its gate. */
function componentGatesFile(name: string): string {
  const gate = name.startsWith(INSTANT_PREFIX) ? STUB_GATE : PROMETHEUS_GATE;
  return ['gates:', `  - id: ${gate}`, '    passPercent: 95', ''].join('\n');
}

function componentEntity(name: string, sourceBaseUrl?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(sourceBaseUrl
        ? {
            annotations: {
              'backstage.io/source-location': `url:${sourceBaseUrl}/${name}/`,
            },
          }
        : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

// ---------------------------------------------------------------- helpers --

const logger: LoggerService = {
  error: (message, meta) => console.error(message, meta ?? ''),
  warn: (message, meta) => console.warn(message, meta ?? ''),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

/** Serves every component's gate file from memory on a loopback port. */
async function startGateFileServer(port: number) {
  const server = http.createServer((req, res) => {
    const file = /^\/([^/]+)\/\.quality-gates\.yaml$/.exec(req.url ?? '');
    if (file) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(componentGatesFile(file[1]));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The backend's own URL reader, allowed to read the loopback host only. */
function urlReaderFor(host: string): UrlReaderService {
  return UrlReaders.default({
    config: new ConfigReader({
      backend: { reading: { allow: [{ host }] } },
    }),
    logger,
  });
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

/** Nearest rank. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

// ----------------------------------------------------------------- timing --

interface Interval {
  start: number;
  end: number;
}

/** What one evaluation spent its time on, recorded by the wrappers below. */
class EvaluationTrace {
  readonly measures: Interval[] = [];
  readonly fileReads: Interval[] = [];
  readonly lookups: Interval[] = [];
  readonly saves: Interval[] = [];
}

/** The evaluation being timed; the latency runs are one at a time. */
let currentTrace: EvaluationTrace | undefined;

async function recorded<T>(
  pick: (trace: EvaluationTrace) => Interval[],
  work: () => Promise<T>,
): Promise<T> {
  const trace = currentTrace;
  const start = performance.now();
  try {
    return await work();
  } finally {
    if (trace) pick(trace).push({ start, end: performance.now() });
  }
}

/** The source, with each measure call's duration recorded. */
function timedSource(
  id: string,
  inner: CriterionSource,
  onMeasured: (interval: Interval) => void = interval =>
    currentTrace?.measures.push(interval),
): CriterionSource {
  return {
    id,
    async measure(request) {
      const start = performance.now();
      try {
        return await inner.measure(request);
      } finally {
        onMeasured({ start, end: performance.now() });
      }
    },
  };
}

/** Answers instantly with the value the criterion names. */
const instantSource: CriterionSource = {
  id: STUB_SOURCE,
  async measure({ definition }) {
    return {
      value: Number(definition.value),
      sampleSize: 1000,
      // Evidence of about the size a Prometheus criterion keeps.
      details: { query: definition.query, evaluatedAt: new Date() },
    };
  },
};

/** The decision store, with its save transaction timed. */
class TimedGateDecisionStore extends GateDecisionStore {
  override save(decision: Parameters<GateDecisionStore['save']>[0]) {
    return recorded(
      t => t.saves,
      () => super.save(decision),
    );
  }
}

/**
 * The evaluation store, with its baseline and flaky lookups timed (one
 * statement per gate; the single-criterion lookups go through it too).
 */
class TimedGateEvaluationStore extends GateEvaluationStore {
  override criterionHistory(
    ...args: Parameters<GateEvaluationStore['criterionHistory']>
  ) {
    return recorded(
      t => t.lookups,
      () => super.criterionHistory(...args),
    );
  }
}

function timedUrlReader(inner: UrlReaderService): UrlReaderService {
  return {
    readUrl: (url, options) =>
      recorded(
        t => t.fileReads,
        () => inner.readUrl(url, options),
      ),
    readTree: (url, options) => inner.readTree(url, options),
    search: (url, options) => inner.search(url, options),
  };
}

/**
 * One evaluation's time along its critical path. The parts add up to the
 * overhead (total minus the slowest query): before the first query
 * (definitions, the component file), queries starting late or ending after
 * the slowest one, after the last query until the save (baselines, flaky
 * lookups, scoring), the save transaction, and after it.
 */
interface Breakdown {
  total: number;
  slowest: number;
  overhead: number;
  beforeQueries: number;
  fileRead: number;
  spreadOfQueries: number;
  lookupsAndScoring: number;
  longestLookup: number;
  save: number;
  afterSave: number;
}

function breakdown(trace: EvaluationTrace, start: number, end: number) {
  const { measures, saves } = trace;
  if (measures.length === 0 || saves.length !== 1) {
    throw new Error(
      `Expected queries and one save, got ${measures.length} and ${saves.length}`,
    );
  }
  const first = Math.min(...measures.map(m => m.start));
  const last = Math.max(...measures.map(m => m.end));
  const slowest = Math.max(...measures.map(m => m.end - m.start));
  const [save] = saves;
  const longest = (intervals: Interval[]) =>
    Math.max(0, ...intervals.map(i => i.end - i.start));
  return {
    total: end - start,
    slowest,
    overhead: end - start - slowest,
    beforeQueries: first - start,
    fileRead: longest(trace.fileReads),
    spreadOfQueries: last - first - slowest,
    lookupsAndScoring: save.start - last,
    longestLookup: longest(trace.lookups),
    save: save.end - save.start,
    afterSave: end - save.end,
  } satisfies Breakdown;
}

// ------------------------------------------------------------ correctness --

let evaluationsChecked = 0;

/** The verdict and the key criterion's state the scenario must give. */
function checkDecision(decision: GateDecision, service: string) {
  const scenario = SCENARIOS.find(s => s.service === service);
  const evaluation = decision.evaluations[0];
  const key = scenario
    ? evaluation?.criteria.find(c => c.key === scenario.keyCriterion)
    : undefined;
  const expectedVerdict = scenario?.verdict ?? 'pass';
  const problems = [
    decision.verdict === expectedVerdict
      ? undefined
      : `verdict ${decision.verdict}, expected ${expectedVerdict}`,
    decision.evaluations.length === 1
      ? undefined
      : `${decision.evaluations.length} gates evaluated, expected 1`,
    evaluation?.criteria.length === CRITERIA.length
      ? undefined
      : `${evaluation?.criteria.length} criteria, expected ${CRITERIA.length}`,
    !scenario || key?.state === KEY_STATES[service]
      ? undefined
      : `${scenario.keyCriterion} is ${key?.state}, expected ${KEY_STATES[service]}`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(
      `${service}: ${problems.join('; ')}\n${JSON.stringify(
        evaluation?.criteria.map(c => `${c.key}: ${c.state} (${c.message})`),
        null,
        1,
      )}`,
    );
  }
  evaluationsChecked++;
}

// ---------------------------------------------------------------- backend --

type ChildRequest = { type: 'takeMeasures' };
type Measures = { type: 'measures'; intervals: Interval[] };

/**
 * A real backend (catalog and quality-gates plugins, static-token auth) on
 * the benchmark's database, plus a module adding the Prometheus source
 * under another id with each query timed; the parent asks for the times.
 */
async function serve() {
  const { createBackend } = await import('@backstage/backend-defaults');
  const port = Number(process.env.BENCH_PORT);
  const config = new ConfigReader({
    backend: {
      ...benchBackendConfig({
        port,
        databaseUrl: process.env.BENCH_DATABASE_URL!,
        token: TOKEN,
      }),
      reading: { allow: [{ host: process.env.BENCH_FILES_HOST }] },
    },
    catalog: {
      ...catalogConfigFor(process.env.BENCH_CATALOG_FILE!),
      processingInterval: { minutes: CATALOG_PROCESSING_MINUTES },
    },
    qualityGates: {
      gates: gatesConfig(process.env.BENCH_PROMETHEUS_URL!, [
        gateDefinition(PROMETHEUS_GATE, TIMED_SOURCE),
      ]),
      // The readiness run scores every component of the catalog (10,000
      // here) every 30 minutes; its first run is put after the bench, so
      // that the figures are the decisions' and not that job's.
      readiness: { initialDelay: { hours: 2 } },
    },
  });
  let intervals: Interval[] = [];
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  backend.add(
    createBackendModule({
      pluginId: 'quality-gates',
      moduleId: 'bench-timed-prometheus',
      register(env) {
        env.registerInit({
          deps: {
            sources: qualityGatesCriterionSourcesExtensionPoint,
            rootConfig: coreServices.rootConfig,
          },
          async init({ sources, rootConfig }) {
            const prometheus = createPrometheusCriterionSource({
              config: rootConfig,
              logger,
            })!;
            sources.addCriterionSource(
              timedSource(TIMED_SOURCE, prometheus, ({ start, end }) =>
                // As epoch times, to compare with the parent's clock.
                intervals.push({
                  start: performance.timeOrigin + start,
                  end: performance.timeOrigin + end,
                }),
              ),
            );
          },
        });
      },
    }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@can-i-deploy/plugin-quality-gates-backend'));
  await backend.start();
  serveParent<ChildRequest>(backend, async () => {
    const measures = { type: 'measures', intervals };
    intervals = [];
    return measures;
  });
}

async function startBackend(options: {
  databaseUrl: string;
  prometheusUrl: string;
  filesHost: string;
  catalogFile: string;
}): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await benchPort('BENCH_BACKEND_PORT');
  const child = await forkBackend(__filename, {
    BENCH_PORT: String(port),
    BENCH_DATABASE_URL: options.databaseUrl,
    BENCH_PROMETHEUS_URL: options.prometheusUrl,
    BENCH_FILES_HOST: options.filesHost,
    BENCH_CATALOG_FILE: options.catalogFile,
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * The catalog: the scenarios' components, reading their gate files, among
 * `CATALOG_SIZE` other components, so that looking one up is not a lookup
 * in a near-empty catalog.
 */
function catalogEntities(filesBaseUrl: string): Entity[] {
  const others = Array.from({ length: CATALOG_SIZE }, (_, i) => {
    const entity = componentEntity(`other-${i}`, filesBaseUrl);
    entity.metadata.tags = [`tier-${i % 3}`];
    entity.spec!.owner = `team-${i % 50}`;
    return entity;
  });
  return [
    ...SCENARIOS.map(({ service }) => componentEntity(service, filesBaseUrl)),
    ...others,
  ];
}

/**
 * Waits until the catalog has nothing left to process or stitch (its
 * tables are in the bench's database, in the schema `catalog`), so that
 * the measured requests do not share the cores with the first ingestion.
 */
async function waitForCatalogIdle(knex: Knex, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ due }] = await knex('catalog.refresh_state')
      .where('next_update_at', '<=', knex.fn.now())
      .count({ due: '*' });
    const [{ stitching }] = await knex('catalog.stitch_queue').count({
      stitching: '*',
    });
    if (Number(due) === 0 && Number(stitching) === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog still had ${due} entities to process and ${stitching} to stitch after ${
          timeoutMs / 1000
        } s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/**
 * Clients of the evaluate route: CI's curl asks for the answer as it is;
 * fetch, like a browser, asks for it compressed.
 */
const HTTP_CLIENTS = [
  { name: 'as curl asks (no compression)', headers: UNCOMPRESSED },
  { name: 'as fetch asks (gzip)', headers: {} },
];

function postEvaluate(
  baseUrl: string,
  entityRef: string,
  headers: Record<string, string>,
) {
  return fetch(`${baseUrl}/api/quality-gates/gates/evaluate`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({
      entityRef,
      environment: ENVIRONMENT,
      version: VERSION,
    }),
  });
}

async function evaluateOverHttp(
  baseUrl: string,
  service: string,
  headers: Record<string, string>,
) {
  const response = await postEvaluate(
    baseUrl,
    `component:default/${service}`,
    headers,
  );
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`evaluate answered ${response.status}: ${text}`);
  }
  return { decision: JSON.parse(text) as GateDecision, bytes: text.length };
}

/** What the route does before evaluating: auth, a token, the catalog. */
async function lookUpMissingEntity(
  baseUrl: string,
  headers: Record<string, string>,
) {
  const response = await postEvaluate(
    baseUrl,
    'component:default/not-in-the-catalog',
    headers,
  );
  await response.text();
  if (response.status !== 404) {
    throw new Error(
      `Expected 404 for a missing entity, got ${response.status}`,
    );
  }
}

// -------------------------------------------------------------- database --

/** Drops the database even when the run is interrupted. */
const abandons = new Set<() => Promise<void>>();

async function createDatabase() {
  const name = benchDatabaseName('gates');
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
    pool: { min: 0, max: 1 },
  });
  await admin.raw('CREATE DATABASE ??', [name]);
  const drop = () =>
    admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]).then(() => {});
  abandons.add(drop);
  const url = `${POSTGRES_URL}/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url });
  return {
    url,
    knex,
    async remove() {
      await knex.destroy();
      await drop();
      abandons.delete(drop);
      await admin.destroy();
    },
  };
}

// -------------------------------------------------------------- measuring --

function requestFor(service: string, entity: Entity): GateRequest {
  return {
    entity,
    entityRef: `component:default/${service}`,
    environment: ENVIRONMENT,
    version: VERSION,
    trigger: 'ci',
    requestedBy: 'service:bench',
  };
}

/** The HTTP requests the plugin sends for one evaluation, as it sent them. */
function queriesOf(decision: GateDecision): string[] {
  return decision.evaluations[0].criteria.flatMap(criterion => {
    const count = criterion.details?.sampleCountQuery;
    return [criterion.query!, ...(typeof count === 'string' ? [count] : [])];
  });
}

/** The same queries straight to Prometheus, concurrently: the floor. */
async function queryDirectly(
  prometheusUrl: string,
  queries: string[],
  headers: Record<string, string> = {},
) {
  const time = String(Date.now() / 1000);
  await Promise.all(
    queries.map(async query => {
      const params = new URLSearchParams({
        query,
        time,
        timeout: `${PROMETHEUS_TIMEOUT_SECONDS * 1000}ms`,
      });
      const response = await fetch(`${prometheusUrl}/api/v1/query?${params}`, {
        headers: { accept: 'application/json', ...headers },
      });
      const body = (await response.json()) as { status?: string };
      if (body.status !== 'success') {
        throw new Error(`Prometheus refused ${query}: ${JSON.stringify(body)}`);
      }
    }),
  );
}

/**
 * Evaluations one at a time, rotating through the scenarios, each followed
 * by the same queries sent directly, so both see the same machine.
 */
async function measureLatency(options: {
  evaluator: GateEvaluator;
  entities: Map<string, Entity>;
  prometheusUrl: string;
  queries: Map<string, string[]>;
  /** For the direct queries, to ask as the evaluator's source asks. */
  headers?: Record<string, string>;
}) {
  const breakdowns: Array<Breakdown & { service: string }> = [];
  const direct: number[] = [];
  for (let i = 0; i < WARM_UP + EVALUATIONS; i++) {
    const { service } = SCENARIOS[i % SCENARIOS.length];
    const trace = new EvaluationTrace();
    currentTrace = trace;
    const start = performance.now();
    const decision = await options.evaluator.evaluate(
      requestFor(service, options.entities.get(service)!),
    );
    const end = performance.now();
    currentTrace = undefined;
    checkDecision(decision, service);
    const directStart = performance.now();
    await queryDirectly(
      options.prometheusUrl,
      options.queries.get(service)!,
      options.headers,
    );
    const directMs = performance.now() - directStart;
    if (i >= WARM_UP) {
      breakdowns.push({ service, ...breakdown(trace, start, end) });
      direct.push(directMs);
    }
  }
  return { breakdowns, direct };
}

/**
 * `CONCURRENCY` calls in flight for `SECONDS`, rotating through `names`;
 * also this process's CPU time per call (the rest is waiting).
 */
async function measureThroughput(
  call: (name: string) => Promise<void>,
  names: string[],
) {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const stopAt = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < stopAt) {
        const began = performance.now();
        await call(names[next++ % names.length]);
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    calls: latencies.length,
    perSecond: latencies.length / seconds,
    cpuMsPerCall: (cpu.user + cpu.system) / 1000 / latencies.length,
    p50: median(latencies),
    p95: percentile(latencies, 0.95),
  };
}

/** A time both processes read alike: milliseconds since the epoch. */
const epochNow = () => performance.timeOrigin + performance.now();

interface HttpRun {
  totals: number[];
  overheads: number[];
  slowest: number[];
  /** From sending the request to the backend's first query. */
  beforeQueries: number[];
  /** From the backend's last answer to the response read in full. */
  afterQueries: number[];
  lookups: number[];
  bytes: number;
}

/**
 * Through POST /gates/evaluate: the response time and the backend's
 * slowest query, with the clients taking turns so that each sees the same
 * machine; then the same request for an entity the catalog does not have,
 * which stops after auth and the catalog lookup.
 */
async function measureHttpLatency(
  child: ChildProcess,
  baseUrl: string,
  clients: ReadonlyArray<{ headers: Record<string, string> }>,
): Promise<HttpRun[]> {
  const runs: HttpRun[] = clients.map(() => ({
    totals: [],
    overheads: [],
    slowest: [],
    beforeQueries: [],
    afterQueries: [],
    lookups: [],
    bytes: 0,
  }));
  for (let i = 0; i < WARM_UP + EVALUATIONS; i++) {
    const { service } = SCENARIOS[i % SCENARIOS.length];
    for (let turn = 0; turn < clients.length; turn++) {
      const index = (i + turn) % clients.length;
      const { headers } = clients[index];
      await askBackend<Measures>(child, { type: 'takeMeasures' }, 'measures');
      const start = epochNow();
      const answer = await evaluateOverHttp(baseUrl, service, headers);
      const end = epochNow();
      checkDecision(answer.decision, service);
      const { intervals } = await askBackend<Measures>(
        child,
        { type: 'takeMeasures' },
        'measures',
      );
      if (intervals.length !== CRITERIA.length) {
        throw new Error(
          `Expected ${CRITERIA.length} queries, got ${intervals.length}`,
        );
      }
      const lookupStart = performance.now();
      await lookUpMissingEntity(baseUrl, headers);
      const lookup = performance.now() - lookupStart;
      if (i >= WARM_UP) {
        const run = runs[index];
        const slowest = Math.max(...intervals.map(q => q.end - q.start));
        run.totals.push(end - start);
        run.slowest.push(slowest);
        run.overheads.push(end - start - slowest);
        run.beforeQueries.push(
          Math.min(...intervals.map(q => q.start)) - start,
        );
        run.afterQueries.push(end - Math.max(...intervals.map(q => q.end)));
        run.lookups.push(lookup);
        run.bytes = Math.max(run.bytes, answer.bytes);
      }
    }
  }
  return runs;
}

const mean = (values: number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

function describeBreakdowns(breakdowns: Breakdown[]): string[] {
  const parts: Array<[keyof Breakdown, string]> = [
    ['beforeQueries', 'before the first query (gate definitions, file)'],
    ['fileRead', '  of which reading the component file'],
    ['spreadOfQueries', 'queries starting late / ending after the slowest'],
    ['lookupsAndScoring', 'after the last query until the save'],
    ['longestLookup', '  longest baseline / flaky lookup (may overlap)'],
    ['save', 'the save transaction'],
    ['afterSave', 'after the save'],
  ];
  return parts.map(([part, label]) => {
    const values = breakdowns.map(b => b[part]);
    return `      ${label.padEnd(50)} mean ${ms(mean(values)).padStart(
      7,
    )}, median ${ms(median(values)).padStart(7)}, p95 ${ms(
      percentile(values, 0.95),
    ).padStart(7)}`;
  });
}

function latencyLines(
  title: string,
  breakdowns: Breakdown[],
  direct?: number[],
): string[] {
  const overheads = breakdowns.map(b => b.overhead);
  const p95 = percentile(overheads, 0.95);
  const totals = breakdowns.map(b => b.total);
  return [
    `  ${title}`,
    `    overhead (evaluate - slowest query): mean ${ms(
      mean(overheads),
    )}, median ${ms(median(overheads))}, p95 ${ms(
      p95,
    )} (target p95 <= ${TARGET_OVERHEAD_MS} ms: ${met(
      p95 <= TARGET_OVERHEAD_MS,
    )})`,
    `    evaluate total: median ${ms(median(totals))}, p95 ${ms(
      percentile(totals, 0.95),
    )}; slowest query: median ${ms(
      median(breakdowns.map(b => b.slowest)),
    )}, p95 ${ms(
      percentile(
        breakdowns.map(b => b.slowest),
        0.95,
      ),
    )}`,
    ...(direct
      ? [
          `    the same queries sent directly and concurrently (floor): median ${ms(
            median(direct),
          )}, p95 ${ms(
            percentile(direct, 0.95),
          )}; ratio evaluate / direct (medians) ${(
            median(totals) / median(direct)
          ).toFixed(2)}`,
        ]
      : []),
    `    overhead p95 by scenario: ${SCENARIOS.map(({ service }) => {
      const mine = (breakdowns as Array<Breakdown & { service?: string }>)
        .filter(b => b.service === service)
        .map(b => b.overhead);
      return `${service} ${ms(percentile(mine, 0.95))}`;
    }).join(', ')}`,
    '    where the overhead goes, along the critical path (per evaluation, and so in the means, the parts add up to the overhead):',
    ...describeBreakdowns(breakdowns),
  ];
}

async function main() {
  let prometheus: PrometheusServer | undefined;
  let files: Awaited<ReturnType<typeof startGateFileServer>> | undefined;
  let db: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let child: ChildProcess | undefined;
  try {
    const end = Math.floor(Date.now() / 60_000) * 60 - 60;
    prometheus = await startPrometheus({
      openMetrics: deployScenarios(end),
      port: await benchPort('BENCH_PROMETHEUS_PORT'),
    });
    const stopPrometheus = prometheus.stop;
    abandons.add(stopPrometheus);
    files = await startGateFileServer(await benchPort('BENCH_FILES_PORT'));
    db = await createDatabase();
    await applyDatabaseMigrations(db.knex);

    const config = new ConfigReader({
      qualityGates: {
        gates: gatesConfig(prometheus.baseUrl, [
          gateDefinition(PROMETHEUS_GATE, 'prometheus'),
          gateDefinition(STUB_GATE, STUB_SOURCE),
        ]),
      },
    });
    const gates = readCentralGates(config);
    const prometheusSource = timedSource(
      'prometheus',
      createPrometheusCriterionSource({ config, logger })!,
    );
    const store = new TimedGateEvaluationStore(db.knex);
    const decisions = new TimedGateDecisionStore(db.knex, store);
    const overrides = new GateOverrideStore(db.knex);
    const urlReader = timedUrlReader(urlReaderFor(files.host));
    const evaluatorWith = (source: CriterionSource, reader = urlReader) =>
      new GateEvaluator({
        gates: gates.filter(gate =>
          gate.criteria.every(c => c.source === source.id),
        ),
        // As the plugin does: a fresh map of the sources for every gate.
        sources: () => new Map([[source.id, source]]),
        store,
        decisions,
        overrides,
        urlReader: reader,
        deadlineMs: DEADLINE_SECONDS * 1000,
        repositoryAllowedSources: [],
      });
    const evaluator = evaluatorWith(prometheusSource);
    const withFile = new Map<string, Entity>(
      SCENARIOS.map(({ service }) => [
        service,
        componentEntity(service, files!.baseUrl),
      ]),
    );
    const withoutFile = new Map<string, Entity>(
      SCENARIOS.map(({ service }) => [service, componentEntity(service)]),
    );

    const queries = new Map<string, string[]>();
    for (const { service } of SCENARIOS) {
      const decision = await evaluator.evaluate(
        requestFor(service, withFile.get(service)!),
      );
      checkDecision(decision, service);
      queries.set(service, queriesOf(decision));
    }
    const queryCount = queries.get('clean')!.length;
    console.log(
      [
        'Gate evaluation on PostgreSQL against a real Prometheus (deploy scenarios backfilled)',
        `  gate of ${
          CRITERIA.length
        } criteria (${queryCount} queries), scenarios ${SCENARIOS.map(
          s => `${s.service} -> ${s.verdict}`,
        ).join(', ')}`,
        `  ${EVALUATIONS} timed evaluations one at a time after ${WARM_UP} uncounted, rotating scenarios`,
      ].join('\n'),
    );

    const withFileRun = await measureLatency({
      evaluator,
      entities: withFile,
      prometheusUrl: prometheus.baseUrl,
      queries,
      headers: UNCOMPRESSED,
    });
    const withoutFileRun = await measureLatency({
      evaluator,
      entities: withoutFile,
      prometheusUrl: prometheus.baseUrl,
      queries,
      headers: UNCOMPRESSED,
    });
    const compressedSource = timedSource(
      'prometheus',
      createPrometheusCriterionSource({
        config: new ConfigReader({
          qualityGates: {
            gates: gatesConfig(prometheus.baseUrl, [], COMPRESSED),
          },
        }),
        logger,
      })!,
    );
    const compressedRun = await measureLatency({
      evaluator: evaluatorWith(compressedSource),
      entities: withFile,
      prometheusUrl: prometheus.baseUrl,
      queries,
      headers: COMPRESSED,
    });
    console.log(
      [
        '',
        'Latency, GateEvaluator.evaluate called directly',
        ...latencyLines(
          'components with a gate file (read through the URL reader from a loopback server):',
          withFileRun.breakdowns,
          withFileRun.direct,
        ),
        ...latencyLines(
          'components without a source location (no file to read):',
          withoutFileRun.breakdowns,
          withoutFileRun.direct,
        ),
        ...latencyLines(
          'with a gate file, Prometheus asked for compressed answers (accept-encoding: gzip in qualityGates.gates.prometheus.headers; the direct queries too):',
          compressedRun.breakdowns,
          compressedRun.direct,
        ),
      ].join('\n'),
    );

    const instantEvaluator = evaluatorWith(instantSource);
    const services: string[] = SCENARIOS.map(s => s.service);
    const instantServices = Array.from(
      { length: 50 },
      (_, i) => `${INSTANT_PREFIX}${i}`,
    );
    const instantEntities = new Map<string, Entity>(
      instantServices.map(name => [
        name,
        componentEntity(name, files!.baseUrl),
      ]),
    );
    for (let i = 0; i < WARM_UP; i++) {
      const name = instantServices[i % instantServices.length];
      checkDecision(
        await instantEvaluator.evaluate(
          requestFor(name, instantEntities.get(name)!),
        ),
        name,
      );
    }
    const evaluateAndCheck =
      (chosen: GateEvaluator, entities: Map<string, Entity>) =>
      async (name: string) =>
        checkDecision(
          await chosen.evaluate(requestFor(name, entities.get(name)!)),
          name,
        );
    const prometheusThroughput = await measureThroughput(
      evaluateAndCheck(evaluator, withFile),
      services,
    );
    const directThroughput = await measureThroughput(
      service =>
        queryDirectly(prometheus!.baseUrl, queries.get(service)!, UNCOMPRESSED),
      services,
    );
    const instantThroughput = await measureThroughput(
      evaluateAndCheck(instantEvaluator, instantEntities),
      instantServices,
    );
    const throughputLine = (
      label: string,
      run: Awaited<ReturnType<typeof measureThroughput>>,
      unit = 'evaluations',
    ) =>
      [
        `  ${label}:`,
        `    ${run.perSecond.toFixed(1)} ${unit}/s (${
          run.calls
        } in ${SECONDS} s), latency median ${ms(run.p50)}, p95 ${ms(
          run.p95,
        )}, CPU of this process ${ms(run.cpuMsPerCall)} per call`,
      ].join('\n');
    console.log(
      [
        '',
        `Throughput on PostgreSQL, ${CONCURRENCY} calls in flight for ${SECONDS} s each`,
        throughputLine(
          `gate of ${CRITERIA.length} Prometheus criteria`,
          prometheusThroughput,
        ),
        throughputLine(
          `floor: the same ${queryCount} queries sent directly, per set`,
          directThroughput,
          'query sets',
        ),
        throughputLine(
          `gate of ${CRITERIA.length} instant criteria (the plugin's own cost: gate file, scoring, baselines, storing)`,
          instantThroughput,
        ),
      ].join('\n'),
    );

    // Latency again on the grown history: lookups must not slow with it.
    const grown = await measureLatency({
      evaluator,
      entities: withFile,
      prometheusUrl: prometheus.baseUrl,
      queries,
      headers: UNCOMPRESSED,
    });
    const [{ count: stored }] = await db
      .knex('gate_evaluations')
      .count({ count: '*' });
    console.log(
      [
        '',
        ...latencyLines(
          `Latency again after the throughput runs (${stored} evaluations stored):`,
          grown.breakdowns,
          grown.direct,
        ),
      ].join('\n'),
    );

    const summary = [
      '',
      `Summary (all measured in this run; ${machineLine()})`,
      `  in-process (GateEvaluator.evaluate, with a gate file): overhead p50 ${ms(
        median(withFileRun.breakdowns.map(b => b.overhead)),
      )}, p95 ${ms(
        percentile(
          withFileRun.breakdowns.map(b => b.overhead),
          0.95,
        ),
      )}`,
    ];
    if (HTTP) {
      const entities = catalogEntities(files.baseUrl);
      const catalog = writeCatalogFile(entities);
      abandons.add(catalog.remove);
      const backend = await startBackend({
        databaseUrl: db.url,
        prometheusUrl: prometheus.baseUrl,
        filesHost: files.host,
        catalogFile: catalog.file,
      });
      child = backend.child;
      const waitStart = performance.now();
      await waitForCatalogEntities(backend.baseUrl, TOKEN, entities);
      await waitForCatalogIdle(db.knex);
      console.log(
        `\nThe catalog serves ${entities.length} components (${
          SCENARIOS.length
        } of the bench, ${CATALOG_SIZE} others) after ${(
          (performance.now() - waitStart) /
          1000
        ).toFixed(0)} s`,
      );
      const httpLines = [
        '',
        `Latency through POST /api/quality-gates/gates/evaluate (real backend in a child process; auth: a static token of backend.auth.externalAccess, so the caller is a service principal; the permission framework is not enabled; catalog of ${entities.length} components)`,
      ];
      const runs = await measureHttpLatency(
        child,
        backend.baseUrl,
        HTTP_CLIENTS,
      );
      HTTP_CLIENTS.forEach((client, index) => {
        const run = runs[index];
        const p95 = percentile(run.overheads, 0.95);
        const figures = (values: number[]) =>
          `median ${ms(median(values))}, p95 ${ms(percentile(values, 0.95))}`;
        httpLines.push(
          `  ${client.name}:`,
          `    overhead (response - slowest query in the backend): median ${ms(
            median(run.overheads),
          )}, p95 ${ms(p95)} (target p95 <= ${TARGET_OVERHEAD_MS} ms: ${met(
            p95 <= TARGET_OVERHEAD_MS,
          )})`,
          `    response total: ${figures(run.totals)}; slowest query: ${figures(
            run.slowest,
          )}; largest answer ${(run.bytes / 1e3).toFixed(1)} kB`,
          `    from sending the request to the first query: ${figures(
            run.beforeQueries,
          )}; from the last answer of Prometheus to the response read: ${figures(
            run.afterQueries,
          )}`,
          `    an entity not in the catalog (auth, plugin token, catalog lookup, 404): ${figures(
            run.lookups,
          )}`,
        );
        summary.push(
          `  over HTTP, ${client.name}: overhead p50 ${ms(
            median(run.overheads),
          )}, p95 ${ms(p95)} (target p95 <= ${TARGET_OVERHEAD_MS} ms: ${met(
            p95 <= TARGET_OVERHEAD_MS,
          )})`,
        );
      });
      console.log(httpLines.join('\n'));
      await catalog.remove();
      abandons.delete(catalog.remove);
    } else {
      summary.push('  over HTTP: not measured (BENCH_HTTP=0)');
    }
    console.log(summary.join('\n'));
    console.log(
      `\nVerdicts checked: ${evaluationsChecked} evaluations, each with its scenario's verdict and key criterion state.`,
    );
  } finally {
    if (child) await stopBackend(child);
    await files?.close();
    if (prometheus) {
      await prometheus.stop();
      abandons.delete(prometheus.stop);
    }
    await db?.remove();
  }
}

if (process.argv.includes('--serve')) {
  serve().catch(error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    console.error(error);
    process.exit(1);
  });
} else {
  runBench(main, abandons);
}
