/*
 * Delivery facts benchmark: what keeping "which deployment shipped each
 * change" (first_deployments, and lead time's dora_change_facts) current
 * costs the ingest of deployments on PostgreSQL. The same batches go
 * through the plugin's DeliveryEventWriter into two databases with the same
 * history: one that keeps the shipped changes, one that does not (the
 * baseline, measured in the same run, rounds alternating). It prints the
 * deployments written per second of both and their ratio, then the two
 * shapes of write that once made the tests time out (one batch of 1,201
 * deployments; 8 overlapping batches at once), and checks that the kept
 * table equals a rebuild from scratch.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/delivery-facts.ts
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import { applyDatabaseMigrations } from '../plugins/quality-gates-backend/src/database/migrations';
import { DeliveryEventWriter } from '../plugins/quality-gates-backend/src/delivery/DeliveryEventWriter';
import {
  ChangeReport,
  DeliveryBatch,
  DeploymentReport,
} from '../plugins/quality-gates-backend/src/delivery/DeliveryBatch';
import { rebuildFirstDeployments } from '../plugins/quality-gates-backend/src/delivery/firstDeployments';
import { ensureDeploymentFacts } from '../plugins/quality-gates-backend/src/dora/facts/deploymentFacts';
import { seededRandom } from './lib/seededRandom';
import { runBench } from './lib/runBench';
import { benchDatabaseName, POSTGRES_URL } from './lib/benchEnv';

/** Components whose pipelines deploy. */
const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 100);
/** Pipelines per component already in the history before the timings. */
const HISTORY = Number(process.env.BENCH_HISTORY ?? 100);
/** Pipelines per component written in each timed round. */
const PIPELINES = Number(process.env.BENCH_PIPELINES ?? 4);
/** Deployment reports per request. */
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
/** Requests in flight. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_RATIO = 0.5;

const PRODUCTION = ['production'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2026, 0, 1);

const componentRef = (index: number) =>
  `component:default/service-${String(index).padStart(3, '0')}`;

// ------------------------------------------------------------- generating --

/**
 * CI pipelines as a team runs them: each builds a version of 1–4 new
 * commits and deploys it to dev, then staging, then production, stopping
 * at the first failure; 5% fail in dev, 10% in staging, and in production
 * 10% fail and 5% are rolled back (their commits ride along in the next
 * success). Each deployment is reported twice, as it starts and as it
 * ends. Deterministic: the same seed gives the same pipelines.
 */
class Pipelines {
  private readonly random = seededRandom(20261208);
  private readonly pipelinesRun = new Map<number, number>();

  /** The reports and commits of the next pipeline of a component. */
  next(
    component: number,
    at: number,
  ): { reports: DeploymentReport[]; changes: ChangeReport[] } {
    const entityRef = componentRef(component);
    const repository = `github.com/example-corp/service-${component}`;
    const n = this.pipelinesRun.get(component) ?? 0;
    this.pipelinesRun.set(component, n + 1);
    const version = `1.${n}.0`;
    const shas = Array.from(
      { length: 1 + Math.floor(this.random() * 4) },
      (_, i) => `${component.toString(16)}x${n.toString(16)}x${i}`,
    );
    const changes = shas.map(sha => ({
      source: 'bench',
      repository,
      sha,
      entityRef,
      committedAt: new Date(
        at - HOUR - this.random() * 20 * HOUR,
      ).toISOString(),
    }));
    const reports: DeploymentReport[] = [];
    let time = at;
    for (const environment of ['dev', 'staging', 'production']) {
      const draw = this.random();
      let status: DeploymentReport['status'] = 'succeeded';
      if (environment === 'dev' && draw < 0.05) status = 'failed';
      if (environment === 'staging' && draw < 0.1) status = 'failed';
      if (environment === 'production' && draw < 0.1) status = 'failed';
      else if (environment === 'production' && draw < 0.15) {
        status = 'rolled_back';
      }
      const started = {
        source: 'bench',
        externalId: `${entityRef}/${version}/${environment}`,
        entityRef,
        environment,
        version,
        status: 'in_progress' as const,
        startedAt: new Date(time).toISOString(),
        changes: shas.map(sha => ({ repository, sha })),
      };
      time += 5 * MINUTE;
      reports.push(started, {
        ...started,
        status,
        finishedAt: new Date(time).toISOString(),
      });
      time += 10 * MINUTE;
      if (status !== 'succeeded') break;
    }
    return { reports, changes };
  }
}

/**
 * Requests of `BATCH` reports from one round of pipelines of every
 * component: started reports in one request, finished ones in a later one,
 * components interleaved as concurrent pipelines are.
 */
function requestsOf(
  pipelines: Pipelines,
  firstHour: number,
  perComponent: number,
): DeliveryBatch[] {
  const reports: DeploymentReport[] = [];
  const changes: ChangeReport[] = [];
  for (let p = 0; p < perComponent; p++) {
    for (let c = 0; c < COMPONENTS; c++) {
      const at = START + (firstHour + p) * HOUR + c * 1000;
      const pipeline = pipelines.next(c, at);
      reports.push(...pipeline.reports);
      changes.push(...pipeline.changes);
    }
  }
  reports.sort((a, b) =>
    (a.finishedAt ?? a.startedAt).localeCompare(b.finishedAt ?? b.startedAt),
  );
  const requests: DeliveryBatch[] = [];
  for (let i = 0; i < reports.length; i += BATCH) {
    requests.push({ deployments: reports.slice(i, i + BATCH) });
  }
  // The commits come with the first request, as a push comes first.
  requests[0] = { ...requests[0], changes };
  return requests;
}

// --------------------------------------------------------------- database --

const abandons = new Set<() => Promise<void>>();

interface BenchDatabase {
  knex: Knex;
  remove(): Promise<void>;
}

async function createDatabase(label: string): Promise<BenchDatabase> {
  const name = benchDatabaseName(`delivery_${label}`);
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
    pool: { min: 0, max: 1 },
  });
  await admin.raw('CREATE DATABASE ??', [name]);
  const drop = () =>
    admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]).then(() => {});
  abandons.add(drop);
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/${name}`,
    pool: { min: 0, max: CONCURRENCY + 2 },
  });
  await applyDatabaseMigrations(knex);
  return {
    knex,
    remove: async () => {
      await knex.destroy();
      await drop();
      abandons.delete(drop);
      await admin.destroy();
    },
  };
}

/** The history, loaded as rows in bulk (the ingest's speed is not its point). */
async function loadHistory(knex: Knex, requests: DeliveryBatch[]) {
  const now = new Date().toISOString();
  const deployments = new Map<string, Record<string, unknown>>();
  const links: Array<Record<string, unknown>> = [];
  const changes: Array<Record<string, unknown>> = [];
  for (const request of requests) {
    for (const report of request.deployments ?? []) {
      const known = deployments.get(report.externalId);
      const id = (known?.id as string) ?? randomUUID();
      deployments.set(report.externalId, {
        id,
        source: report.source,
        external_id: report.externalId,
        entity_ref: report.entityRef,
        environment: report.environment,
        version: report.version,
        status:
          known && report.status === 'in_progress'
            ? known.status
            : report.status,
        started_at: report.startedAt,
        finished_at: report.finishedAt ?? known?.finished_at ?? null,
        created_at: now,
        updated_at: now,
      });
      if (!known) {
        for (const change of report.changes ?? []) {
          links.push({ deployment_id: id, ...change });
        }
      }
    }
    for (const change of request.changes ?? []) {
      changes.push({
        id: randomUUID(),
        repository: change.repository,
        sha: change.sha,
        entity_ref: change.entityRef,
        source: change.source,
        committed_at: change.committedAt,
        created_at: now,
        updated_at: now,
      });
    }
  }
  const insert = async (
    table: string,
    rows: Array<Record<string, unknown>>,
  ) => {
    for (let i = 0; i < rows.length; i += 5000) {
      await knex.raw(
        `insert into ?? select * from json_populate_recordset(null::??, ?::json)`,
        [table, table, JSON.stringify(rows.slice(i, i + 5000))],
      );
    }
  };
  await insert('deployments', [...deployments.values()]);
  await insert('deployment_changes', links);
  await insert('changes', changes);
  await rebuildFirstDeployments(knex);
  await ensureDeploymentFacts(knex, PRODUCTION);
  await knex.raw('vacuum analyze');
  return deployments.size;
}

// ---------------------------------------------------------------- timing --

/** Writes the requests with `CONCURRENCY` in flight; returns the seconds. */
async function writeAll(
  writer: DeliveryEventWriter,
  requests: DeliveryBatch[],
): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        await writer.write(requests[next++]);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

const reportsIn = (requests: DeliveryBatch[]) =>
  requests.reduce(
    (sum, request) => sum + (request.deployments?.length ?? 0),
    0,
  );

/** Every column of first_deployments, in a fixed order. */
async function firstDeploymentsSnapshot(knex: Knex): Promise<string> {
  const rows = await knex('first_deployments').orderBy([
    'entity_ref',
    'environment',
    'repository',
    'sha',
  ]);
  return JSON.stringify(rows);
}

/** The 8 overlapping batches of the store's test, with a change each. */
function overlappingBatches(entityRef: string): DeploymentReport[][] {
  return Array.from({ length: 8 }, (_, batch) => {
    const reports = Array.from({ length: 60 }, (__, i) => {
      const n = batch * 30 + i;
      const startedAt = new Date(START - 1000 * HOUR + n * MINUTE);
      return {
        source: 'bench-overlap',
        externalId: `${entityRef}/run-${n}`,
        entityRef,
        environment: n % 3 ? 'production' : 'staging',
        version: `1.${n}.0`,
        status: n % 7 ? ('succeeded' as const) : ('failed' as const),
        startedAt: startedAt.toISOString(),
        finishedAt: new Date(startedAt.getTime() + 5 * MINUTE).toISOString(),
        changes: [
          { repository: 'github.com/example-corp/overlap', sha: `o${n}` },
        ],
      };
    });
    return batch % 2 ? reports.reverse() : reports;
  });
}

async function main() {
  console.log(
    `${COMPONENTS} components, ${HISTORY} pipelines each in the history; ` +
      `rounds of ${PIPELINES} pipelines per component, ${BATCH} reports per request, ${CONCURRENCY} in flight`,
  );
  const kept = await createDatabase('kept');
  const baseline = await createDatabase('baseline');
  try {
    // The same history in both, from the same seed.
    const history = requestsOf(new Pipelines(), 0, HISTORY);
    for (const db of [kept, baseline]) {
      const started = performance.now();
      const count = await loadHistory(db.knex, history);
      console.log(
        `history: ${count} deployments loaded and derived in ${(
          (performance.now() - started) /
          1000
        ).toFixed(1)} s`,
      );
    }
    const writers = {
      kept: new DeliveryEventWriter(kept.knex),
      baseline: new DeliveryEventWriter(baseline.knex, {
        shippedChanges: false,
      }),
    };
    // Both continue the history with the same pipelines.
    const pipelines = { kept: new Pipelines(), baseline: new Pipelines() };
    for (const p of Object.values(pipelines)) requestsOf(p, 0, HISTORY);

    const ratios: number[] = [];
    const rates = { kept: [] as number[], baseline: [] as number[] };
    // Round 0 warms up and is not counted.
    for (let round = 0; round <= ROUNDS; round++) {
      const order: Array<'kept' | 'baseline'> =
        round % 2 ? ['baseline', 'kept'] : ['kept', 'baseline'];
      const rate: Record<string, number> = {};
      for (const which of order) {
        const requests = requestsOf(
          pipelines[which],
          HISTORY + round * PIPELINES,
          PIPELINES,
        );
        const seconds = await writeAll(writers[which], requests);
        rate[which] = reportsIn(requests) / seconds;
      }
      if (round === 0) continue;
      rates.kept.push(rate.kept);
      rates.baseline.push(rate.baseline);
      ratios.push(rate.kept / rate.baseline);
      console.log(
        `round ${round}: keeping shipped changes ${rate.kept.toFixed(
          0,
        )} reports/s, without ${rate.baseline.toFixed(0)} reports/s, ratio ${(
          rate.kept / rate.baseline
        ).toFixed(2)}`,
      );
    }

    // The shapes of write the store's tests make, with commits listed.
    const bigBatch: Record<string, number> = {};
    const overlapping: Record<string, number> = {};
    for (const which of ['kept', 'baseline'] as const) {
      const big = new Pipelines();
      const reports: DeploymentReport[] = [];
      const changes: ChangeReport[] = [];
      for (let p = 0; reports.length < 1201; p++) {
        const pipeline = big.next(
          COMPONENTS + 1,
          START - 2000 * HOUR + p * HOUR,
        );
        // As a migration from another tool sends them: finished ones only.
        reports.push(
          ...pipeline.reports.filter(report => report.status !== 'in_progress'),
        );
        changes.push(...pipeline.changes);
      }
      const batch = { deployments: reports.slice(0, 1201), changes };
      bigBatch[which] = await writeAll(writers[which], [batch]);
      const started = performance.now();
      await Promise.all(
        overlappingBatches(componentRef(COMPONENTS + 2)).map(deployments =>
          writers[which].write({ deployments }),
        ),
      );
      overlapping[which] = (performance.now() - started) / 1000;
    }
    console.log(
      `one batch of 1,201 finished deployments of one component: ${bigBatch.kept.toFixed(
        2,
      )} s, without ${bigBatch.baseline.toFixed(2)} s`,
    );
    console.log(
      `8 overlapping batches of 60 at once: ${overlapping.kept.toFixed(
        2,
      )} s, without ${overlapping.baseline.toFixed(2)} s`,
    );

    const maintained = await firstDeploymentsSnapshot(kept.knex);
    await rebuildFirstDeployments(kept.knex);
    const rebuilt = await firstDeploymentsSnapshot(kept.knex);
    if (maintained !== rebuilt) {
      throw new Error('first_deployments differs from a rebuild');
    }
    const [{ count }] = await kept.knex('first_deployments').count({
      count: '*',
    });
    console.log(`first_deployments (${count} rows) equals a rebuild`);

    const ratio = median(ratios);
    console.log(
      [
        '',
        `median: keeping shipped changes ${median(rates.kept).toFixed(
          0,
        )} reports/s, without ${median(rates.baseline).toFixed(0)} reports/s`,
        `ratio ${ratio.toFixed(2)} (rounds ${ratios
          .map(r => r.toFixed(2))
          .join(', ')}), target at least ${TARGET_RATIO}${
          ratio < TARGET_RATIO ? ': MISSED' : ''
        }`,
        `load average ${os
          .loadavg()
          .map(l => l.toFixed(2))
          .join(' ')}`,
      ].join('\n'),
    );
  } finally {
    await kept.remove();
    await baseline.remove();
  }
}

runBench(main, abandons);
