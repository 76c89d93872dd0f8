/*
 * OTLP/HTTP trace ingest benchmark: spans per second through
 * POST /api/quality-gates/v1/traces (protobuf) into PostgreSQL, against a
 * plain multi-row knex INSERT of the same rows into the same database, and
 * the backend's peak RSS while it ingests one 50,000-span request.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/otlp-ingest.ts
 *
 * It creates a fresh PostgreSQL database, starts a real backend (catalog and
 * quality-gates plugins) on it in a child process, and drops the database
 * at the end.
 */
import { fork, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
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
  spanInsertChunk,
  spanRows,
} from '../plugins/quality-gates-backend/src/ingest/otlp/SpanStore';

const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
/** Spans sent for the throughput figures. */
const TOTAL_SPANS = Number(process.env.BENCH_SPANS ?? 100_000);
/** Spans per request: the BatchSpanProcessor's default export batch. */
const BATCH_SPANS = Number(process.env.BENCH_BATCH ?? 512);
/** Requests in flight at once, and connections of the baseline. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const BIG_BATCH_SPANS = Number(process.env.BENCH_BIG_BATCH ?? 50_000);
const WARM_UP_SPANS = Math.ceil(TOTAL_SPANS / 10 / BATCH_SPANS) * BATCH_SPANS;
/** Alternating rounds of both measurements; medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TOKEN = 'bench-static-token';
const PLUGIN_SCHEMA = 'quality-gates';

type ChildRequest = { type: 'resetPeak' } | { type: 'peak' } | { type: 'stop' };
type ChildMessage =
  | { type: 'ready' }
  | { type: 'peak'; peakRssBytes: number; rssBytes: number }
  | { type: 'resetDone'; rssBytes: number }
  | { type: 'error'; message: string };

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
  const send = (message: ChildMessage) => process.send!(message);
  const { createBackend } = await import('@backstage/backend-defaults');
  const { coreServices, createServiceFactory } = await import(
    '@backstage/backend-plugin-api'
  );
  const { ConfigReader } = await import('@backstage/config');
  const port = Number(process.env.BENCH_PORT);
  const config = new ConfigReader({
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database: {
        client: 'pg',
        connection: process.env.BENCH_DATABASE_URL,
        // Every plugin in a schema of the benchmark's own database.
        pluginDivisionMode: 'schema',
      },
      auth: {
        externalAccess: [
          { type: 'static', options: { token: TOKEN, subject: 'bench' } },
        ],
      },
    },
    catalog: { locations: [] },
    qualityGates: { ingest: { maxBodySize: '128mb' } },
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

  let sampledPeak = 0;
  setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 20).unref();
  process.on('message', async (message: ChildRequest) => {
    if (message.type === 'resetPeak') {
      try {
        // Resets VmHWM to the current RSS (Linux).
        fs.writeFileSync('/proc/self/clear_refs', '5');
      } catch {
        // Not Linux.
      }
      sampledPeak = 0;
      send({ type: 'resetDone', rssBytes: process.memoryUsage().rss });
    } else if (message.type === 'peak') {
      send({ type: 'peak', ...memoryOf(sampledPeak) });
    } else if (message.type === 'stop') {
      await backend.stop();
      process.exit(0);
    }
  });
  send({ type: 'ready' });
}

// ------------------------------------------------------------------ spans --

/**
 * Pipeline runs as a CI system traces them: a SERVER run span, jobs and
 * steps with CI/CD attributes, ending in order (run span last), encoded by
 * the OpenTelemetry protobuf serializer in requests of `batchSize` spans, as
 * a BatchSpanProcessor would send them.
 */
function encodeCiRuns(
  totalSpans: number,
  spansPerRun: number,
  batchSize: number,
): Uint8Array[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'checkout',
      'service.version': '2026.11.3',
      'host.name': 'ci-runner-17',
      'os.type': 'linux',
      'cicd.worker.name': 'runner-17',
    }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('bench', '1.0.0');
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
    const size = Math.min(spansPerRun, totalSpans - made);
    const runId = `${process.pid}-${runCounter++}`;
    let time = Date.now() - 3_600_000;
    const root = tracer.startSpan('RUN deploy-checkout', {
      kind: SpanKind.SERVER,
      startTime: time,
      attributes: {
        'cicd.pipeline.name': 'deploy-checkout',
        'cicd.pipeline.run.id': runId,
        'cicd.pipeline.result': 'success',
        'cicd.pipeline.run.url.full': `https://ci.example.com/runs/${runId}`,
        'vcs.repository.url.full': 'https://github.com/example-corp/checkout',
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
    made += size;
    flush(false);
  }
  flush(true);
  return batches;
}
let runCounter = 0;

// -------------------------------------------------------------- measuring --

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function ask(child: ChildProcess, request: ChildRequest, answer: string) {
  return new Promise<ChildMessage>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === answer) {
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
    child.once('exit', code => reject(new Error(`backend exited (${code})`)));
    child.send(request);
  });
}

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

const spansPerBatch = new WeakMap<Uint8Array, number>();

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

/**
 * Spans per second of plain multi-row knex INSERTs of the same rows (built
 * beforehand, untimed) into a copy of the table, one statement per chunk.
 */
async function measurePlainInsert(db: Knex, batches: Uint8Array[]) {
  const rowBatches = batches.map(body =>
    spanRows(
      decodeProtobufTraces(body).resourceSpans.map(
        ({ resourceAttributes, spans }) => ({
          resourceAttributes,
          entity: { entityRef: 'component:default/checkout' },
          spans,
        }),
      ),
    ),
  );
  const spans = rowBatches.reduce((sum, rows) => sum + rows.length, 0);
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
  return spans / ((performance.now() - start) / 1000);
}

async function main() {
  const databaseName = `qg_bench_otlp_${process.pid}_${Date.now()}`;
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
  });
  await admin.raw('CREATE DATABASE ??', [databaseName]);
  const databaseUrl = `${POSTGRES_URL}/${databaseName}`;
  const db: Knex = knexFactory({
    client: 'pg',
    connection: databaseUrl,
    pool: { min: 0, max: CONCURRENCY },
  });
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    child = fork(__filename, ['--serve'], {
      execArgv: process.execArgv,
      env: {
        ...process.env,
        BENCH_PORT: String(port),
        BENCH_DATABASE_URL: databaseUrl,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child!.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'error') reject(new Error(message.message));
      });
      child!.once('exit', code =>
        reject(new Error(`backend exited (${code})`)),
      );
    });
    const url = `http://127.0.0.1:${port}/api/quality-gates/v1/traces`;

    await db.raw(
      'CREATE TABLE ??.spans_baseline (LIKE ??.spans INCLUDING ALL)',
      [PLUGIN_SCHEMA, PLUGIN_SCHEMA],
    );
    // Warm up both paths (JIT, connection pools, the resolver's catalog
    // index) with a tenth of a round, not counted.
    const warmUp = encodeCiRuns(WARM_UP_SPANS, 500, BATCH_SPANS);
    await measureHttp(url, warmUp);
    await measurePlainInsert(db, warmUp);

    // The machine is shared with the database: rounds alternate the two
    // measurements and the medians are reported.
    const rounds: Array<{ http: number; insert: number }> = [];
    let bytes = 0;
    let requests = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const batches = encodeCiRuns(TOTAL_SPANS, 500, BATCH_SPANS);
      bytes = batches.reduce((sum, batch) => sum + batch.length, 0);
      requests = batches.length;
      const http = await measureHttp(url, batches);
      const insert = await measurePlainInsert(db, batches);
      const ratio = (http / insert).toFixed(2);
      console.log(
        `  round ${round}: HTTP ${rate(http)}, plain INSERT ${rate(
          insert,
        )}, ratio ${ratio}`,
      );
      rounds.push({ http, insert });
    }
    const [{ count: stored }] = await db
      .withSchema(PLUGIN_SCHEMA)
      .from('spans')
      .count({ count: '*' });
    const expected = ROUNDS * TOTAL_SPANS + WARM_UP_SPANS;
    if (Number(stored) !== expected) {
      throw new Error(`Expected ${expected} spans stored, found ${stored}`);
    }

    // One 50,000-span request: time and the backend's peak RSS.
    const [big] = encodeCiRuns(
      BIG_BATCH_SPANS,
      BIG_BATCH_SPANS,
      BIG_BATCH_SPANS,
    );
    const before = (await ask(child, { type: 'resetPeak' }, 'resetDone')) as {
      rssBytes: number;
    };
    const bigStart = performance.now();
    await postTraces(url, big);
    const bigSeconds = (performance.now() - bigStart) / 1000;
    const peak = (await ask(child, { type: 'peak' }, 'peak')) as {
      peakRssBytes: number;
    };

    const ratio = median(rounds.map(r => r.http / r.insert)).toFixed(2);
    const lines = [
      '',
      'OTLP/HTTP protobuf ingest into PostgreSQL',
      `  ${ROUNDS} rounds of ${requests} requests x ${BATCH_SPANS} spans (${mb(
        bytes,
      )}), ${CONCURRENCY} in flight`,
      `  over HTTP (median):         ${rate(median(rounds.map(r => r.http)))}`,
      `  plain knex INSERT (median): ${rate(
        median(rounds.map(r => r.insert)),
      )}`,
      `  ratio HTTP / INSERT (median of rounds): ${ratio} (target >= 0.5)`,
      `  one ${BIG_BATCH_SPANS}-span request: ${bigSeconds.toFixed(2)} s, ${mb(
        big.length,
      )}`,
      `  backend RSS: ${mb(before.rssBytes)} before it, peak ${mb(
        peak.peakRssBytes,
      )} while ingesting it`,
    ];
    console.log(lines.join('\n'));
  } finally {
    if (child && child.exitCode === null) {
      child.send({ type: 'stop' });
      await new Promise(resolve => {
        const timer = setTimeout(() => {
          child!.kill('SIGKILL');
          resolve(undefined);
        }, 10_000);
        child!.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    await db.destroy();
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [databaseName]);
    await admin.destroy();
  }
}

if (process.argv.includes('--serve')) {
  serve().catch(error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
