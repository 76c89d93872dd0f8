/*
 * Hostile-input harness: malformed, oversized, deeply nested, unicode-edge,
 * duplicated and concurrent requests over every operation of the plugin's
 * OpenAPI description, against a real backend on PostgreSQL. Prints counts
 * by status, rows before and after per table, lost or merged rows against
 * what 2xx answers acknowledged, RSS, and the worst event-loop stall per MB,
 * each next to a baseline measured in the same run.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/hostile-input.ts
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHmac, randomUUID } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import {
  askBackend,
  benchBackendConfig,
  forkBackend,
  serveParent,
  stopBackend,
} from './lib/backendProcess';
import { runBench } from './lib/runBench';
import { benchDatabaseName, benchPort, POSTGRES_URL } from './lib/benchEnv';
import { seededRandom } from './lib/seededRandom';
import {
  BenchRequest,
  Category,
  ciSpans,
  deepProtobuf,
  hostileRequest,
  LIMITS,
  Operation,
  operationsOfSpec,
  otlpJson,
  otlpProtobuf,
  SampleContext,
  validRequest,
} from './hostile-input/routes';
import { Ledger } from './hostile-input/ledger';
import { nestedArrayJson, toJson } from './hostile-input/hostileValues';

const HOSTILE_REQUESTS = Number(process.env.BENCH_HOSTILE_REQUESTS ?? 10_500);
const VALID_REQUESTS = Number(process.env.BENCH_VALID_REQUESTS ?? 1_050);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Requests over the ingest limit (5 MB each). */
const HUGE_BODIES = Number(process.env.BENCH_HUGE_BODIES ?? 24);
const SEED = Number(process.env.BENCH_SEED ?? 15);
const REQUEST_TIMEOUT_MS = 60_000;
/** The issue's target: no request blocks the event loop longer per MB. */
const STALL_TARGET_MS_PER_MB = 100;
const TOKEN = 'bench-static-token';
const WEBHOOK_SECRET = 'bench-webhook-secret';
const PLUGIN_SCHEMA = 'quality-gates';
const CHECKOUT = 'component:default/checkout';

type ChildRequest =
  | { type: 'stallReset' }
  | { type: 'stallRead' }
  | { type: 'memory' };
type Stall = { type: 'stall'; maxMs: number };
type Memory = { type: 'memory'; rssBytes: number };

// ---------------------------------------------------------------- backend --

const CATALOG = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: checkout-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    quality-gates/service-name: checkout-svc
    github.com/project-slug: example-corp/checkout
spec: { type: service, lifecycle: production, owner: group:default/checkout-team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments }
spec: { type: service, lifecycle: production, owner: group:default/checkout-team }
`;

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
      rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
      locations: [{ type: 'file', target: process.env.BENCH_CATALOG }],
    },
    qualityGates: {
      github: { webhookSecret: WEBHOOK_SECRET },
      gates: {
        definitions: [
          {
            id: 'release-checks',
            title: 'Release checks',
            appliesTo: { kind: 'Component' },
            environments: ['staging', 'production'],
            criteria: [
              {
                key: 'ci',
                title: 'The CI run of this version succeeded',
                source: 'pipeline',
                keyCriterion: true,
              },
              {
                key: 'soak',
                title: 'An hour in staging before production',
                source: 'wait-timer',
                environment: 'staging',
                pass: ['>= 3600'],
              },
            ],
          },
        ],
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

  // How long a 2 ms timer waits behind synchronous work: the event-loop
  // stall (monitorEventLoopDelay misses a block that starts right after a
  // reset, so the gaps are measured directly).
  const PROBE_MS = 2;
  let lastTick = performance.now();
  let longestGap = 0;
  setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTick - PROBE_MS);
    lastTick = now;
  }, PROBE_MS).unref();
  serveParent<ChildRequest>(backend, async request => {
    if (request.type === 'stallReset') {
      longestGap = 0;
      return { type: 'ok' };
    }
    if (request.type === 'stallRead') {
      // One more tick first, so a stall still under way is counted.
      await new Promise(resolve => setTimeout(resolve, PROBE_MS * 2));
      return { type: 'stall', maxMs: longestGap };
    }
    return { type: 'memory', rssBytes: process.memoryUsage().rss };
  });
}

// ---------------------------------------------------------------- sending --

interface Outcome {
  /** HTTP status, or 0 when the connection failed before an answer. */
  status: number;
  answer: unknown;
  ms: number;
  error?: string;
}

function sender(port: number, keepAlive = true) {
  const agent = new http.Agent({ keepAlive, maxSockets: CONCURRENCY });
  return (request: BenchRequest): Promise<Outcome> =>
    new Promise(resolve => {
      const started = performance.now();
      let settled = false;
      const done = (outcome: Omit<Outcome, 'ms'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...outcome, ms: performance.now() - started });
      };
      const headers: Record<string, string | number> = { ...request.headers };
      if (request.body && !request.chunked) {
        headers['content-length'] = request.body.length;
      }
      let call: http.ClientRequest;
      try {
        call = http.request(
          {
            host: '127.0.0.1',
            port,
            method: request.method,
            // Other plugins' routes are given whole.
            path: request.path.startsWith('/api/')
              ? request.path
              : `/api/quality-gates${request.path}`,
            headers,
            agent,
          },
          response => {
            const chunks: Buffer[] = [];
            response.on('data', chunk => chunks.push(chunk));
            response.on('end', () => {
              const raw = Buffer.concat(chunks);
              let answer: unknown = raw;
              if (/json/.test(String(response.headers['content-type']))) {
                try {
                  answer = JSON.parse(raw.toString('utf8'));
                } catch {
                  answer = raw.toString('utf8');
                }
              }
              done({ status: response.statusCode ?? 0, answer });
            });
            response.on('error', error =>
              done({
                status: response.statusCode ?? 0,
                answer: undefined,
                error: String(error),
              }),
            );
          },
        );
      } catch (error) {
        done({ status: 0, answer: undefined, error: String(error) });
        return;
      }
      call.on('error', error =>
        done({ status: 0, answer: undefined, error: error.message }),
      );
      // A request left unanswered is a finding, not a hang of the harness.
      call.setTimeout(REQUEST_TIMEOUT_MS, () => {
        done({ status: 0, answer: undefined, error: 'no answer in time' });
        call.destroy();
      });
      if (request.body && request.chunked) {
        for (let i = 0; i < request.body.length; i += 65_536) {
          call.write(request.body.subarray(i, i + 65_536));
        }
        call.end();
      } else {
        call.end(request.body);
      }
    });
}

/** Sends requests made on demand, `limit` in flight at once. */
async function inParallel(
  count: number,
  limit: number,
  make: (index: number) => BenchRequest | BenchRequest[],
  send: (request: BenchRequest) => Promise<Outcome>,
  record: (request: BenchRequest, outcome: Outcome) => void,
) {
  let next = 0;
  let done = 0;
  let reported = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const made = make(next++);
        const requests = Array.isArray(made) ? made : [made];
        // A burst (duplicates sent at once) goes out together.
        const outcomes = await Promise.all(requests.map(send));
        requests.forEach((request, i) => record(request, outcomes[i]));
        done += requests.length;
        if (done >= reported + 1000) {
          reported = done;
          process.stderr.write(`  ${done} sent\n`);
        }
      }
    }),
  );
}

// -------------------------------------------------------------- recording --

class Tally {
  readonly byStatus = new Map<string, number>();
  readonly byCategory = new Map<string, Map<string, number>>();
  readonly byOperation = new Map<string, Map<string, number>>();
  readonly serverErrors: string[] = [];
  readonly failures: string[] = [];
  totalMs = 0;
  count = 0;

  add(request: BenchRequest, outcome: Outcome) {
    const status = outcome.status ? String(outcome.status) : 'no answer';
    const bump = (map: Map<string, number>, key: string) =>
      map.set(key, (map.get(key) ?? 0) + 1);
    bump(this.byStatus, status);
    const inner = (map: Map<string, Map<string, number>>, key: string) => {
      if (!map.has(key)) map.set(key, new Map());
      return map.get(key)!;
    };
    bump(inner(this.byCategory, request.category), status);
    bump(inner(this.byOperation, request.operation), status);
    this.totalMs += outcome.ms;
    this.count++;
    if (outcome.status >= 500) {
      this.serverErrors.push(
        `${request.operation} [${request.category}] ${request.path.slice(
          0,
          80,
        )}: ${JSON.stringify(outcome.answer)?.slice(0, 300)}`,
      );
    }
    if (!outcome.status) {
      this.failures.push(
        `${request.operation} [${request.category}]: ${outcome.error}`,
      );
    }
  }

  meanMs() {
    return this.totalMs / Math.max(1, this.count);
  }
}

function statuses(map: Map<string, number>): string {
  return [...map]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}:${count}`)
    .join(' ');
}

async function tableRows(db: Knex): Promise<Map<string, number>> {
  const tables: Array<{ table_name: string }> = await db(
    'information_schema.tables',
  )
    .where({ table_schema: PLUGIN_SCHEMA, table_type: 'BASE TABLE' })
    .select('table_name')
    .orderBy('table_name');
  const counts = new Map<string, number>();
  for (const { table_name: table } of tables) {
    // The backend's own tables in the plugin's schema are not counted.
    if (/knex_migrations|^backstage_/.test(table)) continue;
    const [{ count }] = await db(table).count({ count: '*' });
    counts.set(table, Number(count));
  }
  return counts;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

// ------------------------------------------------------------------- main --

async function setUp(
  send: (request: BenchRequest) => Promise<Outcome>,
  operations: Operation[],
  ledger: Ledger,
): Promise<SampleContext> {
  const random = seededRandom(SEED + 1);
  const context: SampleContext = {
    token: TOKEN,
    webhookSecret: WEBHOOK_SECRET,
    entityRef: CHECKOUT,
    checkId: '',
    traceId: '',
    evaluationId: '',
    decisionId: '',
    overrideId: '',
    exemptionId: '',
    deploymentId: '',
    prefix: `hb${Date.now().toString(36)}`,
  };
  const byId = (id: string) =>
    operations.find(operation => operation.id === id)!;
  const expectOk = async (request: BenchRequest) => {
    const outcome = await send(request);
    request.acknowledge?.(outcome.status, outcome.answer);
    if (outcome.status >= 300) {
      throw new Error(
        `Setting up, ${request.operation} answered ${
          outcome.status
        }: ${JSON.stringify(outcome.answer)}`,
      );
    }
    return outcome.answer as any;
  };

  const spans = ciSpans(random, 3);
  await expectOk({
    operation: 'POST /v1/traces',
    category: 'valid',
    method: 'POST',
    path: '/v1/traces',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    },
    body: Buffer.from(toJson(otlpJson(spans))),
    acknowledge: ledger.spans(spans),
  });
  context.traceId = spans[0].traceId;
  const deployed = await expectOk(
    validRequest(byId('POST /deployments'), random, context, ledger),
  );
  context.deploymentId = deployed.items[0].id;
  const evaluated = await expectOk(
    validRequest(byId('POST /gates/evaluate'), random, context, ledger),
  );
  context.evaluationId = evaluated.evaluations[0].id;
  context.decisionId = evaluated.id;
  const override = await expectOk(
    validRequest(byId('POST /gates/overrides'), random, context, ledger),
  );
  context.overrideId = override.id;
  const checks = await expectOk(
    validRequest(byId('GET /readiness/checks'), random, context, ledger),
  );
  context.checkId = checks.checks[0].id;
  const exemption = await expectOk(
    validRequest(byId('POST /readiness/exemptions'), random, context, ledger),
  );
  context.exemptionId = exemption.id;
  return context;
}

/**
 * Large bodies, sent one at a time with nothing else in flight: the longest
 * event-loop stall while each is handled, per MB of body.
 */
function largeBodies(ledger: Ledger): BenchRequest[] {
  const random = seededRandom(SEED + 2);
  const auth = { authorization: `Bearer ${TOKEN}` };
  const jsonHeaders = { ...auth, 'content-type': 'application/json' };
  const post = (
    operation: string,
    body: Buffer,
    headers: Record<string, string> = jsonHeaders,
  ): BenchRequest => ({
    operation,
    category: 'oversized',
    method: 'POST',
    path: operation.split(' ')[1],
    headers,
    body,
  });
  const fill = (bytes: number, item: (i: number) => unknown) => {
    const items: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const text = toJson(item(i));
      items.push(text);
      size += text.length + 1;
    }
    return items;
  };
  const deploymentItems = fill(4_500_000, i => ({
    serviceName: 'checkout-svc',
    externalId: `big-${i}`,
    environment: 'production',
    version: '1.0.0',
    status: 'succeeded',
    startedAt: '2026-11-24T10:00:00Z',
  }));
  const labels = Object.fromEntries(
    Array.from({ length: 150_000 }, (_, i) => [`label-${i}`, 'x'.repeat(8)]),
  );
  const bigSpans = ciSpans(random, 9_000);
  const protobufSpans = ciSpans(random, 22_000);
  const invalidSpans = ciSpans(random, 12_000).map(span => ({
    ...span,
    traceId: 'not-hex',
  }));
  const webhookBody = Buffer.from(
    toJson({
      action: 'completed',
      repository: { full_name: 'example-corp/checkout' },
      commits: Array.from({ length: 20_000 }, (_, i) => ({
        id: `${i}`.padStart(40, '0'),
        message: 'x'.repeat(150),
      })),
    }),
  );
  const signed = (body: Buffer) => ({
    ...jsonHeaders,
    'x-github-event': 'push',
    'x-github-delivery': randomUUID(),
    'x-hub-signature-256': `sha256=${createHmac('sha256', WEBHOOK_SECRET)
      .update(body)
      .digest('hex')}`,
  });
  const cdEventWith = (customData: string) =>
    Buffer.from(
      `{"specversion":"1.0","id":"big-${random()}","source":"bench","type":"dev.cdevents.service.deployed.0.2.0","data":{"context":{"id":"big","source":"bench","type":"dev.cdevents.service.deployed.0.2.0","timestamp":"2026-11-24T10:00:00Z"},"subject":{"id":"checkout","content":{"environment":{"id":"production"},"artifactId":"pkg:oci/checkout@v1"}},"customData":${customData}}}`,
    );
  const cloudEventHeaders = {
    ...auth,
    'content-type': 'application/cloudevents+json',
  };
  const names = [
    'deployments: 1M-deep array',
    'deployments: 4.5 MB of items',
    'deployments: 4.8 MB text field',
    'incidents: 150k labels',
    'heartbeats: 150k details',
    'traces JSON: 1M-deep array',
    'traces JSON: 9,000 spans',
    'traces JSON: 12,000 bad spans',
    'traces protobuf: 22,000 spans',
    'traces protobuf: 150k-deep value',
    'cdevents: 900k-item data',
    'cdevents: 1M-deep data',
    'webhook: 20,000 commits',
    'evaluate: 1M-deep array',
    'evaluate: 100 KB field',
  ];
  return [
    post('POST /deployments', Buffer.from(nestedArrayJson(1_000_000).text)),
    post(
      'POST /deployments',
      Buffer.from(`{"items":[${deploymentItems.join(',')}]}`),
    ),
    post(
      'POST /deployments',
      Buffer.from(
        toJson({
          serviceName: 'checkout-svc',
          externalId: 'big-description',
          environment: 'production',
          version: '1',
          status: 'succeeded',
          startedAt: '2026-11-24T10:00:00Z',
          description: 'x'.repeat(4_800_000),
        }),
      ),
    ),
    post(
      'POST /incidents',
      Buffer.from(
        toJson({
          serviceName: 'checkout-svc',
          externalId: 'big-labels',
          openedAt: '2026-11-24T10:00:00Z',
          labels,
        }),
      ),
    ),
    post(
      'POST /heartbeats',
      Buffer.from(
        toJson({ entityRef: CHECKOUT, name: 'big-details', details: labels }),
      ),
    ),
    post('POST /v1/traces', Buffer.from(nestedArrayJson(1_000_000).text)),
    {
      ...post('POST /v1/traces', Buffer.from(toJson(otlpJson(bigSpans)))),
      acknowledge: ledger.spans(bigSpans),
    },
    post('POST /v1/traces', Buffer.from(toJson(otlpJson(invalidSpans)))),
    {
      ...post('POST /v1/traces', otlpProtobuf(protobufSpans), {
        ...auth,
        'content-type': 'application/x-protobuf',
      }),
      acknowledge: ledger.spans(protobufSpans),
    },
    post('POST /v1/traces', deepProtobuf(random, 150_000), {
      ...auth,
      'content-type': 'application/x-protobuf',
    }),
    {
      ...post(
        'POST /events/cdevents',
        cdEventWith(
          `[${Array.from({ length: 900_000 }, () => '1').join(',')}]`,
        ),
        cloudEventHeaders,
      ),
      acknowledge: ledger.cdEvents([
        {
          data: {
            context: { source: 'bench', id: 'big' },
            subject: { id: 'checkout' },
          },
        },
      ]),
    },
    post(
      'POST /events/cdevents',
      cdEventWith(nestedArrayJson(1_000_000).text),
      cloudEventHeaders,
    ),
    post('POST /webhooks/github', webhookBody, signed(webhookBody)),
    post('POST /gates/evaluate', Buffer.from(nestedArrayJson(1_000_000).text)),
    post(
      'POST /gates/evaluate',
      Buffer.from(
        toJson({
          entityRef: CHECKOUT,
          environment: 'production',
          version: 'x'.repeat(LIMITS.apiBytes - 200),
        }),
      ),
    ),
  ].map((request, i) => ({
    ...request,
    category: 'large' as Category,
    label: names[i],
  }));
}

async function main(cleanups: Set<() => Promise<void>>) {
  const operations = operationsOfSpec();
  const databaseName = benchDatabaseName('hostile');
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
  });
  await admin.raw('CREATE DATABASE ??', [databaseName]);
  cleanups.add(async () => {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [databaseName]);
    await admin.destroy();
  });
  const databaseUrl = `${POSTGRES_URL}/${databaseName}`;
  const db = knexFactory({
    client: 'pg',
    connection: databaseUrl,
    searchPath: [PLUGIN_SCHEMA],
    pool: { min: 0, max: 2 },
  });
  cleanups.add(() => db.destroy());
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-hostile-'));
  cleanups.add(async () =>
    fs.rmSync(directory, { recursive: true, force: true }),
  );
  const catalogFile = path.join(directory, 'catalog.yaml');
  fs.writeFileSync(catalogFile, CATALOG);

  const port = await benchPort('BENCH_BACKEND_PORT');
  const child = await forkBackend(__filename, {
    BENCH_PORT: String(port),
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_CATALOG: catalogFile,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    // Server errors are logged in full; the harness counts them itself.
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  });
  cleanups.add(() => stopBackend(child));

  const send = sender(port);
  // The catalog reads its file in the background.
  for (const deadline = Date.now() + 60_000; ; ) {
    const outcome = await send({
      operation: 'catalog',
      category: 'valid',
      method: 'GET',
      path: '/api/catalog/entities/by-name/component/default/checkout',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    if (outcome.status === 200) break;
    if (Date.now() > deadline)
      throw new Error('The catalog did not serve checkout');
    await new Promise(resolve => setTimeout(resolve, 250));
  }

  const ledger = new Ledger();
  const context = await setUp(send, operations, ledger);
  const rowsBefore = await tableRows(db);
  const rssBefore = (
    await askBackend<Memory>(child, { type: 'memory' }, 'memory')
  ).rssBytes;

  process.stderr.write('Sending valid requests\n');
  // Baseline: valid requests over every operation, as many in flight.
  const validRandom = seededRandom(SEED + 3);
  const valid = new Tally();
  const validStarted = performance.now();
  await inParallel(
    VALID_REQUESTS,
    CONCURRENCY,
    i =>
      validRequest(
        operations[i % operations.length],
        validRandom,
        context,
        ledger,
      ),
    send,
    (request, outcome) => {
      request.acknowledge?.(outcome.status, outcome.answer);
      valid.add(request, outcome);
    },
  );
  const validSeconds = (performance.now() - validStarted) / 1000;

  process.stderr.write('Sending hostile requests\n');
  // Hostile requests over every operation, and bursts of one request
  // sent many times at once.
  const hostileRandom = seededRandom(SEED);
  const hostile = new Tally();
  let hugeLeft = HUGE_BODIES;
  const hostileStarted = performance.now();
  await inParallel(
    HOSTILE_REQUESTS,
    CONCURRENCY,
    i => {
      const operation = operations[i % operations.length];
      if (i % 97 === 0 && operation.method === 'POST') {
        const request = validRequest(operation, hostileRandom, context, ledger);
        return Array.from({ length: 8 }, () => ({
          ...request,
          category: 'duplicated' as Category,
        }));
      }
      const request = hostileRequest(
        operation,
        hostileRandom,
        context,
        ledger,
        hugeLeft > 0,
      );
      if ((request.body?.length ?? 0) > LIMITS.ingestBytes) hugeLeft--;
      return request;
    },
    send,
    (request, outcome) => {
      request.acknowledge?.(outcome.status, outcome.answer);
      hostile.add(request, outcome);
    },
  );
  const hostileSeconds = (performance.now() - hostileStarted) / 1000;

  process.stderr.write('Sending large bodies one at a time\n');
  // Stalls: large bodies one at a time, and a small valid one as baseline.
  const stalls: Array<{
    what: string;
    status: number;
    bytes: number;
    maxMs: number;
    said: string;
  }> = [];
  // Each on a connection of its own: making the next body takes seconds,
  // long enough for the backend to close an idle kept-alive connection just
  // as it is reused (a request without an answer, through no fault of the
  // backend).
  const sendAlone = sender(port, false);
  const measure = async (request: BenchRequest, what: string) => {
    await askBackend(child, { type: 'stallReset' }, 'ok');
    const outcome = await sendAlone(request);
    request.acknowledge?.(outcome.status, outcome.answer);
    hostile.add(request, outcome);
    const { maxMs } = await askBackend<Stall>(
      child,
      { type: 'stallRead' },
      'stall',
    );
    stalls.push({
      what,
      status: outcome.status,
      bytes: request.body?.length ?? 0,
      maxMs,
      said:
        outcome.status >= 300
          ? String((outcome.answer as any)?.error?.message ?? '').slice(0, 60)
          : '',
    });
  };
  const baselineRequest = validRequest(
    operations.find(operation => operation.id === 'POST /deployments')!,
    seededRandom(SEED + 4),
    context,
    ledger,
  );
  await measure(baselineRequest, 'baseline: one valid deployment');
  for (const request of largeBodies(ledger)) {
    process.stderr.write(
      `  ${request.operation}, ${mb(request.body!.length)} MB\n`,
    );
    await measure(request, request.label ?? request.operation);
  }

  const rowsAfter = await tableRows(db);
  const rssAfter = (
    await askBackend<Memory>(child, { type: 'memory' }, 'memory')
  ).rssBytes;
  const findings = await ledger.verify(db);

  // ------------------------------------------------------------ report --
  const lines: string[] = [''];
  const print = (line = '') => lines.push(line);
  print(
    `Hostile input against a real backend on PostgreSQL (seed ${SEED}, ${CONCURRENCY} in flight)`,
  );
  print(`  operations in the OpenAPI description: ${operations.length}`);
  print(
    `  valid requests:   ${valid.count} in ${validSeconds.toFixed(
      1,
    )} s, ${statuses(valid.byStatus)}`,
  );
  print(
    `  hostile requests: ${hostile.count} in ${hostileSeconds.toFixed(
      1,
    )} s (and ${stalls.length} large, one at a time)`,
  );
  // A valid sample that is refused tests little: its hostile variants are
  // refused for that reason too. Revoking twice is a 409.
  const refused = operations.filter(operation =>
    [...(valid.byOperation.get(operation.id)?.keys() ?? [])].some(
      status => !status.startsWith('2'),
    ),
  );
  for (const operation of refused) {
    print(
      `    valid but not 2xx: ${operation.id} ${statuses(
        valid.byOperation.get(operation.id)!,
      )}`,
    );
  }
  print();
  print('Hostile requests by status');
  print(`  all: ${statuses(hostile.byStatus)}`);
  for (const [category, counts] of [...hostile.byCategory].sort()) {
    print(`  ${category.padEnd(11)} ${statuses(counts)}`);
  }
  print();
  print('By operation (hostile)');
  for (const operation of operations) {
    print(
      `  ${operation.id.padEnd(52)} ${statuses(
        hostile.byOperation.get(operation.id) ?? new Map(),
      )}`,
    );
  }
  print();
  print('Rows per table (before the hostile and valid requests / after)');
  for (const [table, before] of rowsBefore) {
    print(
      `  ${table.padEnd(24)} ${String(before).padStart(7)} ${String(
        rowsAfter.get(table),
      ).padStart(7)}`,
    );
  }
  print();
  print('Stored against acknowledged');
  print(`  acknowledged keys and ids checked: ${findings.checked}`);
  for (const [name, list] of [
    ['lost', findings.lost],
    ['merged', findings.merged],
    ['foreign content', findings.foreign],
    ['stored without a 2xx', findings.unacknowledged],
  ] as const) {
    print(
      `  ${name}: ${list.length}${
        list.length ? ` (${list.slice(0, 5).join('; ')})` : ''
      }`,
    );
  }
  print();
  print('Backend memory');
  print(
    `  RSS before ${mb(rssBefore)} MB, after ${mb(rssAfter)} MB (+${mb(
      rssAfter - rssBefore,
    )} MB)`,
  );
  print();
  print(
    'Event-loop stalls (longest delay of a 2 ms timer while one request is handled)',
  );
  for (const stall of stalls) {
    const perMb =
      stall.bytes >= 500_000
        ? (stall.maxMs / (stall.bytes / 1e6)).toFixed(1)
        : '-';
    print(
      `  ${stall.what.padEnd(34)} ${String(stall.status).padEnd(4)} ${mb(
        stall.bytes,
      ).padStart(5)} MB  ${stall.maxMs
        .toFixed(0)
        .padStart(5)} ms  ${perMb.padStart(6)} ms/MB  ${stall.said}`,
    );
  }
  const measured = stalls.filter(stall => stall.bytes >= 500_000);
  const worst = measured.reduce(
    (a, b) => (b.maxMs / b.bytes > a.maxMs / a.bytes ? b : a),
    measured[0],
  );
  const worstPerMb = worst.maxMs / (worst.bytes / 1e6);
  print();
  print('Figures');
  const serverErrors = (tally: Tally) =>
    [...tally.byStatus]
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
  print(
    `  5xx answers: ${serverErrors(hostile)} of ${
      hostile.count
    } hostile, ${serverErrors(valid)} of ${valid.count} valid (target 0)`,
  );
  print(
    `  requests without an answer: ${
      hostile.failures.length + valid.failures.length
    }`,
  );
  print(
    `  lost or merged rows: ${
      findings.lost.length + findings.merged.length + findings.foreign.length
    } (target 0); stored without a 2xx: ${findings.unacknowledged.length}`,
  );
  print(
    `  time per request: hostile ${hostile
      .meanMs()
      .toFixed(1)} ms / valid ${valid.meanMs().toFixed(1)} ms = ${(
      hostile.meanMs() / valid.meanMs()
    ).toFixed(2)}x`,
  );
  print(
    `  worst stall: ${worstPerMb.toFixed(1)} ms/MB (${worst.what}, ${mb(
      worst.bytes,
    )} MB) = ${(worstPerMb / STALL_TARGET_MS_PER_MB).toFixed(
      2,
    )}x the ${STALL_TARGET_MS_PER_MB} ms/MB target; baseline request ${stalls[0].maxMs.toFixed(
      0,
    )} ms`,
  );
  for (const error of [...hostile.serverErrors, ...valid.serverErrors].slice(
    0,
    20,
  )) {
    print(`  5xx: ${error}`);
  }
  for (const failure of [...hostile.failures, ...valid.failures].slice(0, 10)) {
    print(`  no answer: ${failure}`);
  }
  console.log(lines.join('\n'));
}

if (process.argv.includes('--serve')) {
  serve().catch(error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    console.error(error);
    process.exit(1);
  });
} else {
  const cleanups = new Set<() => Promise<void>>();
  runBench(async () => {
    try {
      await main(cleanups);
    } finally {
      for (const cleanup of [...cleanups].reverse()) {
        await cleanup().catch(() => {});
      }
      cleanups.clear();
    }
  }, cleanups);
}
