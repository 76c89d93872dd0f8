/*
 * OTLP/HTTP trace ingest benchmark: spans per second through
 * POST /api/quality-gates/v1/traces (protobuf) into PostgreSQL, against a
 * plain multi-row knex INSERT of the same rows into the same database (and
 * COPY of them, for reference), the bytes a stored span takes, and the
 * backend's peak RSS while it ingests one 50,000-span request.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/otlp-ingest.ts
 *
 * It creates a fresh PostgreSQL database, writes a catalog of 10,000
 * Components to a file, starts a real backend (catalog and quality-gates
 * plugins, static-token auth) on them in a child process, and drops the
 * database at the end.
 */
import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import {
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
} from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { decodeProtobufTraces } from '../plugins/quality-gates-backend/src/ingest/otlp/otlpProtobuf';
import {
  SPAN_COLUMNS,
  spanInsertChunk,
  spanRows,
} from '../plugins/quality-gates-backend/src/ingest/otlp/SpanStore';
import { copyRows } from '../plugins/quality-gates-backend/src/ingest/otlp/spanCopy';
import { Entity } from '@backstage/catalog-model';
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
/** Spans sent for the throughput figures. */
const TOTAL_SPANS = Number(process.env.BENCH_SPANS ?? 100_000);
/** Spans per request: the BatchSpanProcessor's default export batch. */
const BATCH_SPANS = Number(process.env.BENCH_BATCH ?? 512);
/** Requests in flight at once, and connections of the baseline. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const BIG_BATCH_SPANS = Number(process.env.BENCH_BIG_BATCH ?? 50_000);
const WARM_UP_SPANS = Math.ceil(TOTAL_SPANS / 10 / BATCH_SPANS) * BATCH_SPANS;
/** Alternating rounds of both measurements; medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Components in the catalog the backend resolves spans against. */
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
/** Services sending spans, each named like one of the Components. */
const SERVICES = Number(process.env.BENCH_SERVICES ?? 50);
/** `ci`: pipeline runs of 500 spans; `service`: request traces of 10, no runs. */
const TRACES = process.env.BENCH_TRACES === 'service' ? 'service' : 'ci';
/** Static-token auth, as a Collector in front of the backend would use. */
const TOKEN = 'bench-static-token';
const PLUGIN_SCHEMA = 'quality-gates';

type ChildRequest = { type: 'resetPeak' } | { type: 'peak' } | { type: 'cpu' };
/** How late the backend's event loop ran a 10 ms timer, in ms. */
type LoopDelay = { p99: number; max: number };
type PeakAnswer = {
  type: 'peak';
  peakRssBytes: number;
  rssBytes: number;
  loopDelay: LoopDelay;
};
type ResetAnswer = { type: 'resetDone'; rssBytes: number };
type CpuAnswer = {
  type: 'cpu';
  micros: number;
  gcMicros: number;
  loopDelay: LoopDelay;
};

// ---------------------------------------------------------------- backend --

/** Peak and current RSS: the kernel's high-water mark where there is one. */
function memoryOf(sampledPeak: number) {
  const rssBytes = process.memoryUsage().rss;
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    if (hwm) return { peakRssBytes: Number(hwm[1]) * 1024, rssBytes };
  } catch {
    // Not Linux: the sampled peak below.
  }
  return { peakRssBytes: Math.max(sampledPeak, rssBytes), rssBytes };
}

async function serve() {
  const { createBackend } = await import('@backstage/backend-defaults');
  const { coreServices, createServiceFactory } = await import(
    '@backstage/backend-plugin-api'
  );
  const { ConfigReader } = await import('@backstage/config');
  const port = Number(process.env.BENCH_PORT);
  const config = new ConfigReader({
    backend: benchBackendConfig({
      port,
      databaseUrl: process.env.BENCH_DATABASE_URL!,
      token: TOKEN,
    }),
    catalog: {
      ...catalogConfigFor(process.env.BENCH_CATALOG_FILE!),
      // Loaded once, then left alone: re-processing 10,000 entities every
      // few seconds would share the backend with the ingest it measures.
      processingInterval: { minutes: 60 },
    },
    qualityGates: {
      ingest: {
        maxBodySize: '128mb',
        ...(process.env.BENCH_DECODER_THREADS
          ? { decoderThreads: Number(process.env.BENCH_DECODER_THREADS) }
          : {}),
      },
    },
  });
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@can-i-deploy/plugin-quality-gates-backend'));
  await backend.start();

  // Time in garbage collection pauses of the backend's event loop.
  let gcMillis = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) gcMillis += entry.duration;
  }).observe({ entryTypes: ['gc'] });
  // What any other request (a page, a gate decision) would wait for the
  // event loop meanwhile; read and reset with the CPU and the peak.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const takeLoopDelay = (): LoopDelay => {
    const delay = {
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
    };
    loopDelay.reset();
    return delay;
  };
  let sampledPeak = 0;
  // Sampled only where the kernel keeps no high-water mark: the sampling
  // is work the backend being measured would do.
  if (!fs.existsSync('/proc/self/clear_refs')) {
    setInterval(() => {
      sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
    }, 20).unref();
  }
  serveParent<ChildRequest>(backend, async request => {
    if (request.type === 'resetPeak') {
      try {
        // Resets VmHWM to the current RSS (Linux).
        fs.writeFileSync('/proc/self/clear_refs', '5');
      } catch {
        // Not Linux.
      }
      sampledPeak = 0;
      takeLoopDelay();
      return {
        type: 'resetDone',
        rssBytes: process.memoryUsage().rss,
      } satisfies ResetAnswer;
    }
    if (request.type === 'peak') {
      return {
        type: 'peak',
        ...memoryOf(sampledPeak),
        loopDelay: takeLoopDelay(),
      } satisfies PeakAnswer;
    }
    const { user, system } = process.cpuUsage();
    return {
      type: 'cpu',
      micros: user + system,
      gcMicros: gcMillis * 1000,
      loopDelay: takeLoopDelay(),
    } satisfies CpuAnswer;
  });
}

// ---------------------------------------------------------------- catalog --

function componentName(i: number): string {
  return `service-${String(i).padStart(5, '0')}`;
}

/** The catalog: Components named like services, owned by 100 teams. */
function catalogEntities(): Entity[] {
  return Array.from({ length: ENTITIES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: componentName(i) },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/team-${i % 100}`,
    },
  }));
}

/** The services that send spans: spread over the catalog. */
const serviceNames = Array.from(
  { length: Math.min(SERVICES, ENTITIES) },
  (_, i) =>
    componentName(Math.floor((i * ENTITIES) / Math.min(SERVICES, ENTITIES))),
);

// ------------------------------------------------------------------ spans --

/** How many spans each encoded request holds. */
const spansPerBatch = new WeakMap<Uint8Array, number>();
/** Numbers the runs, so every run of a bench process has its own id. */
let runCounter = 0;

type Tracer = ReturnType<BasicTracerProvider['getTracer']>;

/**
 * Spans made by `makeTrace` (one trace per call, returning how many spans it
 * made, at most the `budget` it is given) with one tracer per service,
 * encoded by the OpenTelemetry protobuf serializer in requests of
 * `batchSize` spans as a BatchSpanProcessor would send them: in the order
 * they end.
 */
function encodeTraces(
  totalSpans: number,
  batchSize: number,
  makeTrace: (tracerOf: (service: string) => Tracer, budget: number) => number,
): Uint8Array[] {
  const memory = new InMemorySpanExporter();
  // One tracer per service: a resource names the service its spans are of.
  const tracers = new Map<string, Tracer>();
  const tracerOf = (service: string) => {
    let tracer = tracers.get(service);
    if (!tracer) {
      tracer = new BasicTracerProvider({
        resource: resourceFromAttributes({
          'service.name': service,
          'service.version': '2026.11.3',
          'host.name': 'ci-runner-17',
          'os.type': 'linux',
          'cicd.worker.name': 'runner-17',
        }),
        spanProcessors: [new SimpleSpanProcessor(memory)],
      }).getTracer('bench', '1.0.0');
      tracers.set(service, tracer);
    }
    return tracer;
  };
  const batches: Uint8Array[] = [];
  const flush = (all: boolean) => {
    let finished = memory.getFinishedSpans();
    while (finished.length >= batchSize || (all && finished.length > 0)) {
      const body = encode(finished.slice(0, batchSize));
      spansPerBatch.set(body, Math.min(batchSize, finished.length));
      batches.push(body);
      finished = finished.slice(batchSize);
    }
    memory.reset();
    finished.forEach(span => memory.export([span], () => {}));
  };
  let made = 0;
  while (made < totalSpans) {
    made += makeTrace(tracerOf, totalSpans - made);
    // Whole requests only: the spans left over wait for the next traces.
    if (memory.getFinishedSpans().length >= batchSize) flush(false);
  }
  flush(true);
  return batches;
}

/**
 * Pipeline runs as a CI system traces them: a SERVER run span, jobs and
 * steps with CI/CD attributes, ending in order (run span last), `spansPerRun`
 * spans each.
 */
function encodeCiRuns(
  totalSpans: number,
  spansPerRun: number,
  batchSize: number,
): Uint8Array[] {
  return encodeTraces(totalSpans, batchSize, (tracerOf, budget) => {
    const size = Math.min(spansPerRun, budget);
    const runNumber = runCounter++;
    const runId = `${process.pid}-${runNumber}`;
    const service = serviceNames[runNumber % serviceNames.length];
    const tracer = tracerOf(service);
    let time = Date.now() - 3_600_000;
    const root = tracer.startSpan(`RUN deploy-${service}`, {
      kind: SpanKind.SERVER,
      startTime: time,
      attributes: {
        'cicd.pipeline.name': `deploy-${service}`,
        'cicd.pipeline.run.id': runId,
        'cicd.pipeline.result': 'success',
        'cicd.pipeline.run.url.full': `https://ci.example.com/runs/${runId}`,
        'vcs.repository.url.full': `https://github.com/example-corp/${service}`,
        'vcs.ref.head.name': 'main',
        'vcs.ref.head.revision': '3f1c2a9be0d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8',
      },
    });
    let inRun = 1;
    for (let j = 0; inRun < size; j++) {
      const job = tracer.startSpan(
        `job ${j}`,
        {
          startTime: ++time,
          attributes: {
            'cicd.pipeline.task.name': `job ${j}`,
            'cicd.pipeline.task.type': 'build',
            'cicd.pipeline.task.run.id': `${runId}-${j}`,
          },
        },
        trace.setSpan(context.active(), root),
      );
      inRun++;
      for (let s = 0; s < 24 && inRun < size; s++, inRun++) {
        const step = tracer.startSpan(
          `step ${j}.${s}`,
          {
            startTime: ++time,
            attributes: {
              'cicd.pipeline.task.name': `step ${j}.${s}`,
              'cicd.pipeline.task.run.result': 'success',
              'process.command_line': `make target-${s} -j8`,
              'process.exit_code': 0,
              'step.index': s,
            },
          },
          trace.setSpan(context.active(), job),
        );
        time += 5;
        step.end(time);
      }
      job.end(++time);
    }
    root.end(time + 10);
    return size;
  });
}

/**
 * A service's own traces, as its SDK sends them: a SERVER span per HTTP
 * request with database and downstream calls under it, 10 spans each, no
 * CI attributes, so no pipeline run in any request.
 */
function encodeServiceTraces(totalSpans: number, batchSize: number) {
  let requestNumber = 0;
  return encodeTraces(totalSpans, batchSize, (tracerOf, budget) => {
    const size = Math.min(10, budget);
    const service = serviceNames[requestNumber++ % serviceNames.length];
    const tracer = tracerOf(service);
    let time = Date.now() - 3_600_000;
    const root = tracer.startSpan('GET /orders/{id}', {
      kind: SpanKind.SERVER,
      startTime: time,
      attributes: {
        'http.request.method': 'GET',
        'http.route': '/orders/{id}',
        'url.path': `/orders/${requestNumber}`,
        'http.response.status_code': 200,
        'server.address': `${service}.example.com`,
        'user_agent.original': 'checkout-web/2026.11',
      },
    });
    for (let i = 1; i < size; i++) {
      const call = tracer.startSpan(
        i % 3 === 0 ? 'POST inventory' : 'SELECT orders',
        {
          kind: SpanKind.CLIENT,
          startTime: ++time,
          attributes:
            i % 3 === 0
              ? {
                  'http.request.method': 'POST',
                  'server.address': 'inventory.example.com',
                  'http.response.status_code': 200,
                }
              : {
                  'db.system.name': 'postgresql',
                  'db.operation.name': 'SELECT',
                  'db.query.text': 'SELECT * FROM orders WHERE id = $1',
                },
        },
        trace.setSpan(context.active(), root),
      );
      time += 2;
      call.end(time);
    }
    root.end(time + 1);
    return size;
  });
}

/** The bench's traces (`BENCH_TRACES`): CI runs of 500 spans, or services'. */
function encodeBenchTraces(totalSpans: number, batchSize: number) {
  return TRACES === 'service'
    ? encodeServiceTraces(totalSpans, batchSize)
    : encodeCiRuns(totalSpans, 500, batchSize);
}

// -------------------------------------------------------------- measuring --

/** Runs tasks with at most `limit` in flight; resolves in the tasks' order. */
async function inParallel<T>(
  tasks: Array<() => Promise<T>>,
  limit: number,
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

async function postTraces(url: string, body: Uint8Array): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/x-protobuf',
    },
    body,
  });
  const answer = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200 || answer.length !== 0) {
    throw new Error(
      `Ingest answered ${response.status}: ${Buffer.from(answer).toString()}`,
    );
  }
}

function encode(spans: ReadableSpan[]): Uint8Array {
  return ProtobufTraceSerializer.serializeRequest(spans)!;
}

function rate(spansPerSecond: number): string {
  return `${spansPerSecond.toFixed(0)} spans/s`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function spansIn(batches: Uint8Array[]): number {
  return batches.reduce((sum, body) => sum + (spansPerBatch.get(body) ?? 0), 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Spans per second over HTTP: decoding, mapping, entity resolution and the
 * transactional write with the pipeline runs, answers awaited.
 */
async function measureHttp(url: string, batches: Uint8Array[]) {
  const spans = spansIn(batches);
  const start = performance.now();
  await inParallel(
    batches.map(body => () => postTraces(url, body)),
    CONCURRENCY,
  );
  return spans / ((performance.now() - start) / 1000);
}

/** The span rows of requests as ingest would store them (untimed). */
function rowsOf(batches: Uint8Array[]) {
  return batches.map(body =>
    spanRows(
      decodeProtobufTraces(body).resourceSpans.map(
        ({ resourceAttributes, spans }) => ({
          resourceAttributes,
          entity: {
            entityRef: `component:default/${resourceAttributes['service.name']}`,
          },
          spans,
        }),
      ),
    ),
  );
}

type SpanRows = ReturnType<typeof rowsOf>;

function spansOf(rowBatches: SpanRows): number {
  return rowBatches.reduce((sum, rows) => sum + rows.length, 0);
}

/**
 * Spans per second of plain multi-row knex INSERTs of the same rows (built
 * beforehand, untimed) into a copy of the table, one statement per chunk.
 */
async function measurePlainInsert(db: Knex, rowBatches: SpanRows) {
  const chunk = spanInsertChunk(db);
  const start = performance.now();
  await inParallel(
    rowBatches.map(rows => async () => {
      for (let i = 0; i < rows.length; i += chunk) {
        await db
          .withSchema(PLUGIN_SCHEMA)
          .table('spans_baseline')
          .insert(rows.slice(i, i + chunk));
      }
    }),
    CONCURRENCY,
  );
  return spansOf(rowBatches) / ((performance.now() - start) / 1000);
}

/** The same rows with COPY alone (no duplicate check), for reference. */
async function measureCopy(db: Knex, rowBatches: SpanRows) {
  const start = performance.now();
  await inParallel(
    rowBatches.map(
      rows => () =>
        db.transaction(tx =>
          copyRows(tx, `"${PLUGIN_SCHEMA}".spans_copied`, SPAN_COLUMNS, rows),
        ),
    ),
    CONCURRENCY,
  );
  return spansOf(rowBatches) / ((performance.now() - start) / 1000);
}

/** Bytes of a table (all its partitions) and of its indexes. */
async function tableBytes(db: Knex, table: string) {
  const [row] = (
    await db.raw(
      `SELECT COALESCE(sum(pg_table_size(relid)), 0) AS "table",
              COALESCE(sum(pg_indexes_size(relid)), 0) AS indexes,
              count(*) FILTER (WHERE isleaf) AS partitions
         FROM pg_partition_tree(?::regclass)`,
      [`"${PLUGIN_SCHEMA}".${table}`],
    )
  ).rows;
  const [average] = (
    await db.raw(
      `SELECT avg(pg_column_size(s.*)) AS "row" FROM "${PLUGIN_SCHEMA}".${table} s`,
    )
  ).rows;
  return {
    table: Number(row.table),
    indexes: Number(row.indexes),
    partitions: Number(row.partitions),
    averageRow: Number(average.row),
  };
}

/** Clock ticks of CPU used so far by each server process of a database. */
async function serverCpuTicks(
  db: Knex,
  database: string,
): Promise<Map<number, number>> {
  const pids: number[] = (
    await db.raw(
      // The asking connection too: it is one of the pool's, and another
      // of them may ask next time, which would count all of this one's
      // past CPU as new.
      'SELECT pid FROM pg_stat_activity WHERE datname = ?',
      [database],
    )
  ).rows.map((row: { pid: number }) => row.pid);
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command: utime and stime are the 12th and 13th.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Gone, or not Linux.
    }
  }
  return ticks;
}

/**
 * CPU seconds the whole machine was busy so far (every process, from
 * /proc/stat; USER_HZ = 100), or undefined where that is not available.
 */
function machineBusySeconds(): number | undefined {
  try {
    const [, ...ticks] = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .map(Number);
    // user nice system idle iowait irq softirq steal …: all but idle, iowait.
    const busy = ticks
      .slice(0, 8)
      .reduce(
        (sum, value, index) => (index === 3 || index === 4 ? sum : sum + value),
        0,
      );
    return busy / 100;
  } catch {
    return undefined;
  }
}

/** CPU seconds a measurement took, by process. */
interface CpuUse {
  /**
   * The whole machine's busy CPU meanwhile, every process included: what
   * the three counts above cannot exceed when they are right.
   */
  machine: number;
  backend: number;
  /** Of the backend's: its event loop's garbage collection pauses. */
  backendGc: number;
  bench: number;
  /** Server processes of the database alive at the end (USER_HZ = 100). */
  postgres: number;
}

/**
 * Runs `work` and the CPU it took: the backend's, this process's and the
 * database's server processes'. Connections closed before the end are
 * missed, so the PostgreSQL share is a lower bound.
 */
async function cpuDuring<T>(
  db: Knex,
  database: string,
  child: ChildProcess,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse; loopDelay: LoopDelay }> {
  const backendCpu = () => askBackend<CpuAnswer>(child, { type: 'cpu' }, 'cpu');
  const backendBefore = await backendCpu();
  const benchBefore = process.cpuUsage();
  const serverBefore = await serverCpuTicks(db, database);
  const machineBefore = machineBusySeconds();
  const result = await work();
  const machineAfter = machineBusySeconds();
  const serverAfter = await serverCpuTicks(db, database);
  const bench = process.cpuUsage(benchBefore);
  const backendAfter = await backendCpu();
  let ticks = 0;
  for (const [pid, after] of serverAfter) {
    ticks += after - (serverBefore.get(pid) ?? 0);
  }
  return {
    result,
    loopDelay: backendAfter.loopDelay,
    cpu: {
      machine:
        machineBefore === undefined || machineAfter === undefined
          ? NaN
          : machineAfter - machineBefore,
      backend: (backendAfter.micros - backendBefore.micros) / 1e6,
      backendGc: (backendAfter.gcMicros - backendBefore.gcMicros) / 1e6,
      bench: (bench.user + bench.system) / 1e6,
      postgres: ticks / 100,
    },
  };
}

function addCpu(total: CpuUse, more: CpuUse) {
  total.backend += more.backend;
  total.backendGc += more.backendGc;
  total.bench += more.bench;
  total.postgres += more.postgres;
  total.machine += more.machine;
}

/** "backend 43 (GC 5) + bench 2 + PostgreSQL 30 = 75 µs". */
function cpuPerSpan(cpu: CpuUse, spans: number): string {
  const us = (seconds: number) => ((seconds / spans) * 1e6).toFixed(0);
  return `backend ${us(cpu.backend)} (GC ${us(cpu.backendGc)}) + bench ${us(
    cpu.bench,
  )} + PostgreSQL ${us(cpu.postgres)} = ${us(
    cpu.backend + cpu.bench + cpu.postgres,
  )} µs; the whole machine ${us(cpu.machine)} µs${
    cpuTotal(cpu) > cpu.machine * 1.1
      ? ' (less than the processes: their counts overcount here)'
      : ''
  }`;
}

function cpuTotal(cpu: CpuUse): number {
  return cpu.backend + cpu.bench + cpu.postgres;
}

let canCheckpoint = true;

/**
 * Writes out the pages the previous measurement left dirty, so that each
 * measurement starts from the same state instead of paying for the one
 * before it (the fastest writer leaves the most to write out). Needs a
 * superuser or the pg_checkpoint role; without, measurements follow each
 * other as they are.
 */
async function settle(db: Knex): Promise<void> {
  if (!canCheckpoint) return;
  try {
    await db.raw('CHECKPOINT');
  } catch (error) {
    canCheckpoint = false;
    console.log(`  (no CHECKPOINT between measurements: ${error})`);
  }
}

async function walLsn(db: Knex): Promise<string> {
  return (await db.raw('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn;
}

async function walBytesSince(db: Knex, lsn: string): Promise<number> {
  return Number(
    (
      await db.raw('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?) AS d', [
        lsn,
      ])
    ).rows[0].d,
  );
}

const cleanups = new Set<() => Promise<void>>();

async function main() {
  const databaseName = benchDatabaseName('otlp');
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
  });
  const databaseUrl = `${POSTGRES_URL}/${databaseName}`;
  const db: Knex = knexFactory({
    client: 'pg',
    connection: databaseUrl,
    pool: { min: 0, max: CONCURRENCY },
  });
  const entities = catalogEntities();
  const catalog = writeCatalogFile(entities);
  let child: ChildProcess | undefined;
  // In this order, when the run ends, fails or is interrupted.
  const cleanUp = async () => {
    if (child) await stopBackend(child);
    await db.destroy();
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [databaseName]);
    await admin.destroy();
    await catalog.remove();
  };
  cleanups.add(cleanUp);
  try {
    await admin.raw('CREATE DATABASE ??', [databaseName]);
    await measure(databaseName, databaseUrl, db, entities, catalog.file, c => {
      child = c;
    });
  } finally {
    cleanups.delete(cleanUp);
    await cleanUp();
  }
}

async function measure(
  databaseName: string,
  databaseUrl: string,
  db: Knex,
  entities: Entity[],
  catalogFile: string,
  started: (child: ChildProcess) => void,
) {
  const port = await benchPort('BENCH_BACKEND_PORT');
  const child = await forkBackend(__filename, {
    BENCH_PORT: String(port),
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_CATALOG_FILE: catalogFile,
  });
  started(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/api/quality-gates/v1/traces`;
  const catalogStart = performance.now();
  await waitForCatalogEntities(baseUrl, TOKEN, entities);
  console.log(
    `  catalog: ${entities.length} Components served after ${(
      (performance.now() - catalogStart) /
      1000
    ).toFixed(0)} s`,
  );

  for (const copy of ['spans_baseline', 'spans_copied']) {
    // A plain table with the same columns, keys and indexes.
    await db.raw('CREATE TABLE ??.?? (LIKE ??.spans INCLUDING ALL)', [
      PLUGIN_SCHEMA,
      copy,
      PLUGIN_SCHEMA,
    ]);
  }
  // Warm up every path (JIT, connection pools, the resolver's catalog
  // index) with a tenth of a round, not counted.
  const warmUp = encodeBenchTraces(WARM_UP_SPANS, BATCH_SPANS);
  await measureHttp(url, warmUp);
  await measurePlainInsert(db, rowsOf(warmUp));
  await measureCopy(db, rowsOf(warmUp));

  // The machine is shared with the database: rounds alternate the
  // measurements and the medians are reported.
  const rounds: Array<{ http: number; insert: number; copy: number }> = [];
  let bytes = 0;
  let requests = 0;
  let walBytes = 0;
  let measuredSpans = 0;
  const cpu = {
    http: { machine: 0, backend: 0, backendGc: 0, bench: 0, postgres: 0 },
    insert: { machine: 0, backend: 0, backendGc: 0, bench: 0, postgres: 0 },
    copy: { machine: 0, backend: 0, backendGc: 0, bench: 0, postgres: 0 },
  };
  const httpLoopDelay: LoopDelay = { p99: 0, max: 0 };
  const during = <T>(work: () => Promise<T>) =>
    cpuDuring(db, databaseName, child, work);
  for (let round = 1; round <= ROUNDS; round++) {
    const batches = encodeBenchTraces(TOTAL_SPANS, BATCH_SPANS);
    bytes = batches.reduce((sum, batch) => sum + batch.length, 0);
    requests = batches.length;
    const rowBatches = rowsOf(batches);
    await settle(db);
    const lsn = await walLsn(db);
    const http = await during(() => measureHttp(url, batches));
    walBytes += await walBytesSince(db, lsn);
    await settle(db);
    const insert = await during(() => measurePlainInsert(db, rowBatches));
    await settle(db);
    const copy = await during(() => measureCopy(db, rowBatches));
    addCpu(cpu.http, http.cpu);
    httpLoopDelay.p99 = Math.max(httpLoopDelay.p99, http.loopDelay.p99);
    httpLoopDelay.max = Math.max(httpLoopDelay.max, http.loopDelay.max);
    addCpu(cpu.insert, insert.cpu);
    addCpu(cpu.copy, copy.cpu);
    measuredSpans += spansIn(batches);
    console.log(
      `  round ${round}: HTTP ${rate(http.result)}, plain INSERT ${rate(
        insert.result,
      )}, COPY ${rate(copy.result)}, ratio HTTP / INSERT ${(
        http.result / insert.result
      ).toFixed(2)}`,
    );
    rounds.push({
      http: http.result,
      insert: insert.result,
      copy: copy.result,
    });
  }
  const [{ count: stored }] = await db
    .withSchema(PLUGIN_SCHEMA)
    .from('spans')
    .count({ count: '*' });
  const expected = ROUNDS * TOTAL_SPANS + WARM_UP_SPANS;
  if (Number(stored) !== expected) {
    throw new Error(`Expected ${expected} spans stored, found ${stored}`);
  }
  const [{ count: unresolved }] = await db
    .withSchema(PLUGIN_SCHEMA)
    .from('spans')
    .whereNull('entity_ref')
    .count({ count: '*' });
  if (Number(unresolved) !== 0) {
    throw new Error(`${unresolved} spans did not resolve to a Component`);
  }
  // Exactly once: a retried request stores nothing new.
  const [again] = encodeBenchTraces(BATCH_SPANS, BATCH_SPANS);
  await postTraces(url, again);
  await postTraces(url, again);
  const [{ count: afterRetry }] = await db
    .withSchema(PLUGIN_SCHEMA)
    .from('spans')
    .count({ count: '*' });
  if (Number(afterRetry) !== expected + spansIn([again])) {
    throw new Error(`A retried request stored its spans twice`);
  }
  await db.raw('VACUUM ANALYZE ??.spans', [PLUGIN_SCHEMA]);
  const size = await tableBytes(db, 'spans');
  const storedSpans = Number(afterRetry);

  // One 50,000-span request: time and the backend's peak RSS.
  const [big] =
    TRACES === 'service'
      ? encodeServiceTraces(BIG_BATCH_SPANS, BIG_BATCH_SPANS)
      : encodeCiRuns(BIG_BATCH_SPANS, BIG_BATCH_SPANS, BIG_BATCH_SPANS);
  const before = await askBackend<ResetAnswer>(
    child,
    { type: 'resetPeak' },
    'resetDone',
  );
  const bigStart = performance.now();
  await postTraces(url, big);
  const bigSeconds = (performance.now() - bigStart) / 1000;
  const peak = await askBackend<PeakAnswer>(child, { type: 'peak' }, 'peak');

  const perSpan = (n: number) => `${(n / storedSpans).toFixed(0)} B`;
  const ratio = median(rounds.map(r => r.http / r.insert)).toFixed(2);
  const lines = [
    '',
    'OTLP/HTTP protobuf ingest into PostgreSQL',
    `  ${machineLine()}`,
    `  ${ROUNDS} rounds of ${requests} requests x ${BATCH_SPANS} spans (${mb(
      bytes,
    )}), ${CONCURRENCY} in flight; ${
      entities.length
    } Components in the catalog, spans of ${serviceNames.length} of them`,
    `  traces: ${
      TRACES === 'service'
        ? "services' requests, 10 spans each, no pipeline run (BENCH_TRACES=service)"
        : 'CI pipeline runs, 500 spans each (BENCH_TRACES=ci)'
    }`,
    `  over HTTP (median):         ${rate(median(rounds.map(r => r.http)))}`,
    `  plain knex INSERT (median): ${rate(median(rounds.map(r => r.insert)))}`,
    `  COPY alone (median):        ${rate(median(rounds.map(r => r.copy)))}`,
    `  ratio HTTP / INSERT (median of rounds): ${ratio} (target >= 1.5)`,
  ];
  lines.push(
    `  CPU per span, over HTTP:   ${cpuPerSpan(cpu.http, measuredSpans)}`,
    `  CPU per span, plain INSERT: ${cpuPerSpan(cpu.insert, measuredSpans)}`,
    `  CPU per span, COPY alone:  ${cpuPerSpan(cpu.copy, measuredSpans)}`,
    `  CPU ratio INSERT / HTTP (the throughput ratio where CPU is all that limits): ${(
      cpuTotal(cpu.insert) / cpuTotal(cpu.http)
    ).toFixed(2)}; ${(measuredSpans / cpuTotal(cpu.http)).toFixed(
      0,
    )} spans/s per core over HTTP`,
    `  backend event loop while ingesting over HTTP (what any other request waits): p99 delay ${httpLoopDelay.p99.toFixed(
      1,
    )} ms, longest ${httpLoopDelay.max.toFixed(1)} ms (worst round)`,
    `  WAL per span over HTTP: ${(walBytes / measuredSpans).toFixed(
      0,
    )} B (server-wide: an upper bound when other databases are busy)`,
    `  stored: ${storedSpans} spans in ${
      size.partitions
    } partition(s); per span ${perSpan(size.table)} table + ${perSpan(
      size.indexes,
    )} indexes = ${perSpan(
      size.table + size.indexes,
    )}; the average row holds ${size.averageRow.toFixed(0)} B`,
    `  one ${BIG_BATCH_SPANS}-span request: ${bigSeconds.toFixed(2)} s, ${mb(
      big.length,
    )}`,
    `  backend RSS: ${mb(before.rssBytes)} before it, peak ${mb(
      peak.peakRssBytes,
    )} while ingesting it; its event loop's longest delay meanwhile ${peak.loopDelay.max.toFixed(
      0,
    )} ms`,
    `  decoder threads: ${
      process.env.BENCH_DECODER_THREADS ?? 'the default'
    } (BENCH_DECODER_THREADS)`,
  );
  console.log(lines.join('\n'));
}

if (process.argv.includes('--serve')) {
  serve().catch(error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    console.error(error);
    process.exit(1);
  });
} else {
  runBench(main, cleanups);
}
