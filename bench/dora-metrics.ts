/*
 * DORA metrics benchmark: how fast the database answers the five DORA
 * figures over 1,000,000 deployments (with their changes and incidents)
 * across 1,000 components, for one component and for a group of 100,
 * against a single plain aggregate query over the same deployment rows in
 * the same run; the weekly trend and one drill-down page of the group; what
 * keeping each change's first deployment costs the ingest; and, on
 * PostgreSQL, where the time of each statement goes.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/dora-metrics.ts
 *
 * The database is real and holds the plugin's migrated schema; the figures
 * come from DoraStore and DoraService as the routes call them. The catalog
 * and auth are not in the loop: the scopes (one component, the components a
 * group owns) are given directly, as resolveScope would hand them over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import {
  DEFAULT_DORA_THRESHOLDS,
  DoraFigures,
  DoraScope,
} from '@can-i-deploy/plugin-quality-gates-common';
import { applyDatabaseMigrations } from '../plugins/quality-gates-backend/src/database/migrations';
import { DoraService } from '../plugins/quality-gates-backend/src/dora/DoraService';
import { CatalogAccess } from '../plugins/quality-gates-backend/src/catalog/CatalogAccess';
import { DoraStore } from '../plugins/quality-gates-backend/src/dora/DoraStore';
import {
  DoraQueries,
  DoraQueryScope,
} from '../plugins/quality-gates-backend/src/dora/doraQueries';
import {
  deployedAt,
  doraDialect,
  placeholders,
} from '../plugins/quality-gates-backend/src/dora/doraSql';
import { DeliveryEventWriter } from '../plugins/quality-gates-backend/src/delivery/DeliveryEventWriter';
import {
  forgetFirstDeployments,
  rebuildFirstDeployments,
  refreshFirstDeployments,
} from '../plugins/quality-gates-backend/src/delivery/firstDeployments';
import {
  deploymentPoints,
  forgetDeploymentFacts,
  refreshDeploymentFacts,
} from '../plugins/quality-gates-backend/src/dora/facts/deploymentFacts';
import { seededRandom as randomFrom } from './lib/seededRandom';
import { runBench } from './lib/runBench';
import { benchDatabaseName, POSTGRES_URL } from './lib/benchEnv';

/** Which databases to run on, comma-separated. */
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres').split(',');
/** Deployments generated on PostgreSQL. */
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1_000_000);
/** Deployments generated on SQLite (see the README for why fewer). */
const SQLITE_DEPLOYMENTS = Number(
  process.env.BENCH_SQLITE_DEPLOYMENTS ?? 200_000,
);
const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 1_000);
/** Timed calls of every measurement, after uncounted warm-up calls. */
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 30);
const WARM_UP = 5;
/**
 * A PostgreSQL database to keep between runs: loaded when empty, reused
 * (with any new migrations applied) and not dropped. For iterating on the
 * queries without regenerating the history each time.
 */
const KEPT_DATABASE = process.env.BENCH_POSTGRES_DATABASE;
/** `full` prints the whole plan of every statement, not only its top nodes. */
const EXPLAIN = process.env.BENCH_EXPLAIN ?? 'top';

/** Every 10th component: a group of 100 of mixed sizes. */
const GROUP_EVERY = 10;
const HISTORY_DAYS = 730;
const WINDOW_DAYS = 90;
const TREND_WEEKS = 12;
const DETAILS_LIMIT = 100;
const TARGET_RATIO = 2;
/** Deployments written one at a time to time the ingest's upkeep. */
const INGEST_WRITES = 200;
/** Their source: the generated history's is `bench`. */
const INGEST_SOURCE = 'bench-ingest';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The end of the history: now, to the hour, so windows are the usual ones. */
const END = Math.floor(Date.now() / HOUR) * HOUR;
const START = END - HISTORY_DAYS * DAY;

// ------------------------------------------------------------- generating --

/**
 * A small deterministic generator, so every run loads the same history
 * (relative to the hour it starts).
 */

const componentName = (index: number) =>
  `service-${String(index).padStart(4, '0')}`;
const componentRef = (index: number) =>
  `component:default/${componentName(index)}`;

type Row = Record<string, string | number | null>;

/** Where generated rows go: one buffer per table, flushed by the loader. */
interface RowSink {
  deployments: Row[];
  changes: Row[];
  deployment_changes: Row[];
  incidents: Row[];
}

const TABLES: Array<keyof RowSink> = [
  'deployments',
  'changes',
  'deployment_changes',
  'incidents',
];

/**
 * A delivery history as a busy organisation has it, component by
 * component: deployments spread over two years, most to production and
 * some to staging, ~85% succeeded, ~10% failed, ~5% rolled back and a few
 * still running; 1–5 new commits per deployment (a redeploy after a failure
 * or rollback ships the same commits again), ~2% committed after they were
 * deployed (clock skew, rebases), ~3% with an author date only; ~3% of
 * production deployments cause an incident, half of them linked to it
 * explicitly, resolved after 30 minutes to a few days except some recent
 * ones.
 */
class HistoryGenerator {
  private readonly random = randomFrom(20261125);
  private shaCounter = 0;
  readonly counts: number[];

  constructor(readonly deployments: number, readonly components: number) {
    // Busy and quiet components: log-normal rates, scaled to the total.
    const weights = Array.from({ length: components }, () =>
      Math.exp(0.7 * this.gaussian()),
    );
    const total = weights.reduce((sum, w) => sum + w, 0);
    this.counts = weights.map(w =>
      Math.max(10, Math.floor((w / total) * deployments)),
    );
    let missing = deployments - this.counts.reduce((sum, c) => sum + c, 0);
    for (let i = 0; missing !== 0; i = (i + 1) % components) {
      const step = missing > 0 ? 1 : -1;
      if (this.counts[i] + step >= 10) {
        this.counts[i] += step;
        missing -= step;
      }
    }
  }

  private gaussian(): number {
    const u = 1 - this.random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.random());
  }

  private hex(length: number): string {
    let text = '';
    while (text.length < length) {
      text += Math.floor(this.random() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    }
    return text.slice(0, length);
  }

  private uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
      17,
      20,
    )}-${h.slice(20)}`;
  }

  /** An exponentially distributed duration with the given mean. */
  private around(mean: number): number {
    return -Math.log(1 - this.random()) * mean;
  }

  /** Rows of one component, into the sink; `time` formats timestamps. */
  component(
    index: number,
    sink: RowSink,
    time: (ms: number) => string | number,
  ) {
    const entityRef = componentRef(index);
    const repository = `github.com/example-corp/${componentName(index)}`;
    const count = this.counts[index];
    const starts = Array.from(
      { length: count },
      () => START + this.random() * (END - START - HOUR),
    ).sort((a, b) => a - b);
    // Commits of the last failed or rolled-back deployment, per environment,
    // which the next deployment there ships again.
    const retry = new Map<string, string[]>();
    for (let k = 0; k < count; k++) {
      const id = this.uuid();
      const environment = this.random() < 0.75 ? 'production' : 'staging';
      const running =
        (k === count - 1 && this.random() < 0.05) || this.random() < 0.0005;
      const draw = this.random();
      let status = 'succeeded';
      if (running) status = 'in_progress';
      else if (draw >= 0.95) status = 'rolled_back';
      else if (draw >= 0.85) status = 'failed';
      const startedAt = Math.floor(starts[k]);
      const finishedAt = running
        ? null
        : startedAt + Math.floor(2 * MINUTE + this.random() * 18 * MINUTE);
      sink.deployments.push({
        id,
        source: 'bench',
        external_id: id,
        entity_ref: entityRef,
        environment,
        version: `1.${Math.floor(k / 100)}.${k % 100}`,
        actor: `user-${Math.floor(this.random() * 200)}`,
        status,
        started_at: time(startedAt),
        finished_at: finishedAt === null ? null : time(finishedAt),
        created_at: time(startedAt),
        updated_at: time(finishedAt ?? startedAt),
      });

      const shipped = [...(retry.get(environment) ?? [])];
      const fresh = 1 + Math.floor(this.random() * 5);
      for (let c = 0; c < fresh; c++) {
        const sha = `${this.hex(32)}${(this.shaCounter++)
          .toString(16)
          .padStart(8, '0')}`;
        const skewed = this.random() < 0.02;
        const committedAt = skewed
          ? startedAt + Math.floor(this.random() * 2 * HOUR)
          : startedAt - Math.floor(10 * MINUTE + this.around(20 * HOUR));
        const authorDateOnly = this.random() < 0.03;
        const authoredAt = committedAt - Math.floor(this.around(4 * HOUR));
        const changeId = this.uuid();
        sink.changes.push({
          id: changeId,
          repository,
          sha,
          entity_ref: entityRef,
          source: 'bench',
          message: `Change ${this.shaCounter} of ${componentName(index)}`,
          author: `user-${Math.floor(this.random() * 200)}`,
          authored_at: time(authoredAt),
          committed_at: authorDateOnly ? null : time(committedAt),
          created_at: time(committedAt),
          updated_at: time(committedAt),
        });
        shipped.push(sha);
      }
      for (const sha of shipped) {
        sink.deployment_changes.push({ deployment_id: id, repository, sha });
      }
      retry.set(
        environment,
        status === 'failed' || status === 'rolled_back' ? shipped : [],
      );

      // ~3% of production deployments cause an incident: the successful ones.
      if (
        environment === 'production' &&
        status === 'succeeded' &&
        this.random() < 0.03 / 0.85
      ) {
        const openedAt =
          finishedAt! + Math.floor(5 * MINUTE + this.random() * 4 * HOUR);
        if (openedAt >= END) continue;
        const stillOpen = openedAt > END - 3 * DAY && this.random() < 0.5;
        const resolvedAt = stillOpen
          ? null
          : Math.min(
              END,
              openedAt + Math.floor(30 * MINUTE + this.around(6 * HOUR)),
            );
        const incidentId = this.uuid();
        sink.incidents.push({
          id: incidentId,
          source: 'bench',
          external_id: incidentId,
          entity_ref: entityRef,
          environment: this.random() < 0.8 ? 'production' : null,
          severity: this.random() < 0.2 ? 'SEV1' : 'SEV2',
          title: `${componentName(index)} degraded`,
          opened_at: time(openedAt),
          resolved_at: resolvedAt === null ? null : time(resolvedAt),
          caused_by_deployment_id: this.random() < 0.5 ? id : null,
          created_at: time(openedAt),
          updated_at: time(resolvedAt ?? openedAt),
        });
      }
    }
  }
}

// --------------------------------------------------------------- database --

type DatabaseName = 'PostgreSQL' | 'SQLite';

interface BenchDatabase {
  name: DatabaseName;
  knex: Knex;
  /** How the generator writes a timestamp for this database. */
  time(ms: number): string | number;
  /** Inserts rows into a table, in as few statements as is sensible. */
  insert(table: keyof RowSink, rows: Row[]): Promise<void>;
  /** Closes the connections, then drops the database or removes its file. */
  remove(): Promise<void>;
}

/**
 * What leaves nothing behind when the run is interrupted, without waiting
 * for connections that are busy: PostgreSQL drops the database by force,
 * the SQLite file is removed.
 */
const abandons = new Set<() => Promise<void>>();

async function createPostgres(): Promise<BenchDatabase> {
  const databaseName = KEPT_DATABASE ?? benchDatabaseName('dora');
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
    pool: { min: 0, max: 1 },
  });
  const exists = await admin.raw(
    'select 1 from pg_database where datname = ?',
    [databaseName],
  );
  if (exists.rows.length === 0) {
    await admin.raw('CREATE DATABASE ??', [databaseName]);
  }
  const drop = async () => {
    if (KEPT_DATABASE) return;
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [databaseName]);
  };
  abandons.add(drop);
  // knex's default pool (2 to 10), as the backend's database manager has it.
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/${databaseName}`,
  });
  const remove = async () => {
    await knex.destroy();
    await drop();
    abandons.delete(drop);
    await admin.destroy();
  };
  return {
    name: 'PostgreSQL',
    knex,
    time: ms => new Date(ms).toISOString(),
    // One statement per chunk: the rows travel as one JSON document that
    // PostgreSQL turns into rows of the table's own type.
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      await knex.raw(
        `insert into ?? (${columns.map(() => '??').join(', ')})
         select ${columns.map(() => '??').join(', ')}
         from json_populate_recordset(null::??, ?::json)`,
        [table, ...columns, ...columns, table, JSON.stringify(rows)],
      );
    },
    remove,
  };
}

/** better-sqlite3 on a file, as the backend's SQLite connector opens it. */
async function createSqlite(): Promise<BenchDatabase> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-'));
  const erase = async () =>
    fs.rmSync(directory, { recursive: true, force: true });
  abandons.add(erase);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'dora.sqlite') },
    useNullAsDefault: true,
  });
  const remove = async () => {
    await knex.destroy();
    await erase();
    abandons.delete(erase);
  };
  return {
    name: 'SQLite',
    knex,
    // The backend keeps SQLite timestamps as epoch milliseconds.
    time: ms => ms,
    // Multi-row INSERTs of 500 rows, well under SQLite's variable limit,
    // all of a chunk in one transaction.
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      await knex.transaction(async tx => {
        for (let i = 0; i < rows.length; i += 500) {
          const slice = rows.slice(i, i + 500);
          await tx.raw(
            `insert into ?? (${columns
              .map(() => '??')
              .join(', ')}) values ${slice.map(() => tuple).join(', ')}`,
            [
              table,
              ...columns,
              ...slice.flatMap(row => columns.map(column => row[column])),
            ],
          );
        }
      });
    },
    remove,
  };
}

// ---------------------------------------------------------------- loading --

/** Deployments generated between two flushes. */
const DEPLOYMENTS_PER_FLUSH = 10_000;

/** Tables whose size is printed: the loaded ones and the derived one. */
const SIZED_TABLES = [...TABLES, 'first_deployments'];

interface LoadFigures {
  rows: Record<keyof RowSink, number>;
  loadMs: number;
  /** Deriving first_deployments from the loaded history. */
  rebuildMs: number;
  analyzeMs: number;
  sizes?: Record<string, number>;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Generates and loads the history: while up to two chunks are written, the
 * next is generated. In a chunk, deployments go first, as
 * deployment_changes refer to them.
 */
async function loadHistory(
  db: BenchDatabase,
  generator: HistoryGenerator,
): Promise<LoadFigures> {
  const rows = {
    deployments: 0,
    changes: 0,
    deployment_changes: 0,
    incidents: 0,
  };
  const emptySink = (): RowSink => ({
    deployments: [],
    changes: [],
    deployment_changes: [],
    incidents: [],
  });
  const flush = async (sink: RowSink) => {
    await db.insert('deployments', sink.deployments);
    await Promise.all(
      TABLES.slice(1).map(table => db.insert(table, sink[table])),
    );
    for (const table of TABLES) rows[table] += sink[table].length;
  };

  const start = performance.now();
  let sink = emptySink();
  // Two chunks in flight keep both the generator and the database busy.
  const writing: Array<Promise<void>> = [];
  let reported = 0;
  for (let index = 0; index < generator.components; index++) {
    generator.component(index, sink, db.time);
    if (sink.deployments.length >= DEPLOYMENTS_PER_FLUSH) {
      if (writing.length >= 2) await writing.shift();
      const written = flush(sink);
      // Awaited later; a failure meanwhile must not end the process before
      // the database is dropped.
      written.catch(() => {});
      writing.push(written);
      sink = emptySink();
    }
    if (rows.deployments - reported >= generator.deployments / 4) {
      reported = rows.deployments;
      console.log(
        `  ${rows.deployments} deployments loaded after ${seconds(
          performance.now() - start,
        )}`,
      );
    }
  }
  await Promise.all(writing);
  await flush(sink);
  const loadMs = performance.now() - start;

  // The bulk load bypasses the ingest, which keeps first_deployments
  // current: derive it once, as the migration does for existing history.
  const rebuildStart = performance.now();
  await rebuildFirstDeployments(db.knex);
  const rebuildMs = performance.now() - rebuildStart;

  // A settled table, as autovacuum leaves it: statistics for the planner and
  // a visibility map; otherwise autovacuum would run during the timings.
  const analyzeStart = performance.now();
  if (db.name === 'PostgreSQL') {
    await db.knex.raw('VACUUM (ANALYZE)');
  } else {
    await db.knex.raw('ANALYZE');
  }
  const analyzeMs = performance.now() - analyzeStart;

  let sizes: Record<string, number> | undefined;
  if (db.name === 'PostgreSQL') {
    const result = await db.knex.raw(
      `select c.relname as name, pg_total_relation_size(c.oid) as bytes
       from pg_class c where c.relname in (${placeholders(SIZED_TABLES)})`,
      SIZED_TABLES,
    );
    sizes = Object.fromEntries(
      result.rows.map((r: any) => [r.name, Number(r.bytes)]),
    );
  }
  return { rows, loadMs, rebuildMs, analyzeMs, sizes };
}

// -------------------------------------------------------------- measuring --

/** The catalog and auth are not in the loop: any use of them is a bug here. */
function notUsed<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, key) => {
      throw new Error(`${name}.${String(key)} is not used by the benchmark`);
    },
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}

const millis = (ms: number) => `${ms.toFixed(1)} ms`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

async function elapsed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

interface Measurement {
  name: string;
  call: () => Promise<unknown>;
}

/**
 * Every measurement WARM_UP times uncounted, then REPETITIONS rounds in
 * which each runs once in turn, so that drift on a shared machine touches
 * them all alike. Times in ms, by name.
 */
async function measureAll(
  measurements: Measurement[],
): Promise<Map<string, number[]>> {
  if (new Set(measurements.map(m => m.name)).size !== measurements.length) {
    throw new Error('Every measurement needs a name of its own');
  }
  for (const { call } of measurements) {
    for (let i = 0; i < WARM_UP; i++) await call();
  }
  const times = new Map(measurements.map(m => [m.name, [] as number[]]));
  for (let round = 0; round < REPETITIONS; round++) {
    for (const { name, call } of measurements) {
      times.get(name)!.push(await elapsed(call));
    }
  }
  return times;
}

function rowsOf(result: any): any[] {
  return Array.isArray(result) ? result : result.rows;
}

/**
 * The baseline: one plain aggregate statement over the same deployment rows
 * as the figures' window (same scope, environments, statuses and moment),
 * using whatever index it can.
 */
function plainAggregateStatement(knex: Knex, scope: DoraQueryScope) {
  const { epoch } = doraDialect(knex);
  return knex.raw<any>(
    `select count(*) as deployments,
       sum(case when d.status in ('succeeded', 'rolled_back') then 1 else 0 end) as reached,
       sum(case when d.status in ('failed', 'rolled_back') then 1 else 0 end) as failed,
       avg(${epoch(deployedAt('d'))} - ${epoch('d.started_at')}) as seconds
     from deployments d
     where d.entity_ref in (${placeholders(scope.entityRefs)})
       and d.environment in (${placeholders(scope.environments)})
       and d.status in ('succeeded', 'failed', 'rolled_back')
       and ${deployedAt('d')} >= ? and ${deployedAt('d')} < ?`,
    [...scope.entityRefs, ...scope.environments, scope.from, scope.to],
  );
}

/**
 * For context: one plain aggregate over the rows lead time has to read,
 * the window's deployments joined to their changes.
 */
function changesAggregateStatement(knex: Knex, scope: DoraQueryScope) {
  const { epoch } = doraDialect(knex);
  return knex.raw<any>(
    `select count(*) as changes,
       avg(${epoch(deployedAt('d'))} - ${epoch(
      'coalesce(c.committed_at, c.authored_at)',
    )}) as seconds
     from deployments d
     join deployment_changes dc on dc.deployment_id = d.id
     join changes c on c.repository = dc.repository and c.sha = dc.sha
     where d.entity_ref in (${placeholders(scope.entityRefs)})
       and d.environment in (${placeholders(scope.environments)})
       and d.status in ('succeeded', 'failed', 'rolled_back')
       and ${deployedAt('d')} >= ? and ${deployedAt('d')} < ?`,
    [...scope.entityRefs, ...scope.environments, scope.from, scope.to],
  );
}

async function plainAggregate(knex: Knex, scope: DoraQueryScope) {
  const [row] = rowsOf(await plainAggregateStatement(knex, scope));
  return {
    deployments: Number(row.deployments),
    reached: Number(row.reached ?? 0),
    failed: Number(row.failed ?? 0),
  };
}

/**
 * Lead-time changes counted independently, by the plugin's documented rule
 * (docs/dora.md, "When a change is shipped"): a change is first listed when
 * the first deployment of its entity listing it started (any status, any
 * environment), and every successful production deployment that started
 * then or later contains it: a failed attempt's commits, or a staging-only
 * version's, ride along in the next production success. Its first
 * production deployment falls in the window exactly when no success that
 * reached production before the window started at or after that moment
 * (`listed_at > last_before`), and one reaching it within the window did
 * (`listed_at <= last_within`). Kept when the change has a commit time. Unlike the
 * plugin it needs no per-change probe: two maxima per entity.
 */
async function leadTimeChanges(knex: Knex, scope: DoraQueryScope) {
  const reached = deployedAt('s');
  const result = await knex.raw(
    `select count(*) as changes from (
       select l.entity_ref, dc.repository, dc.sha,
         min(l.started_at) as listed_at
       from deployments l join deployment_changes dc on dc.deployment_id = l.id
       where l.entity_ref in (${placeholders(scope.entityRefs)})
       group by l.entity_ref, dc.repository, dc.sha
     ) f
     join (
       select s.entity_ref,
         max(case when ${reached} < ? then s.started_at end) as last_before,
         max(case when ${reached} >= ? and ${reached} < ?
           then s.started_at end) as last_within
       from deployments s
       where s.entity_ref in (${placeholders(scope.entityRefs)})
         and s.environment in (${placeholders(scope.environments)})
         and s.status = 'succeeded'
       group by s.entity_ref
     ) e on e.entity_ref = f.entity_ref
     join changes c on c.repository = f.repository and c.sha = f.sha
     where (e.last_before is null or f.listed_at > e.last_before)
       and f.listed_at <= e.last_within
       and coalesce(c.committed_at, c.authored_at) is not null`,
    [
      ...scope.entityRefs,
      scope.from,
      scope.from,
      scope.to,
      ...scope.entityRefs,
      ...scope.environments,
    ],
  );
  return Number(rowsOf(result)[0].changes);
}

function check(condition: boolean, message: string) {
  if (!condition) throw new Error(`Check failed: ${message}`);
}

/** Cheap cross-checks of the figures against direct counts. */
async function checkFigures(
  knex: Knex,
  label: string,
  scope: DoraQueryScope,
  figures: DoraFigures,
) {
  const plain = await plainAggregate(knex, scope);
  const deployments = figures.deploymentFrequency.deployments;
  check(
    deployments === plain.reached,
    `${label}: ${deployments} deployments, direct count ${plain.reached}`,
  );
  const cfr = figures.changeFailureRate;
  check(
    cfr.deployments === plain.deployments,
    `${label}: ${cfr.deployments} finished, direct count ${plain.deployments}`,
  );
  check(
    cfr.failed >= plain.failed && cfr.failed <= cfr.deployments,
    `${label}: ${cfr.failed} failed, yet ${plain.failed} failed or rolled back`,
  );
  check(
    figures.recoveryTime.failures === cfr.failed,
    `${label}: ${figures.recoveryTime.failures} failure episodes for ${cfr.failed} failed deployments`,
  );
  const changes = await leadTimeChanges(knex, scope);
  const lead = figures.leadTime;
  check(
    lead.changes + lead.excludedNonPositive === changes,
    `${label}: ${lead.changes} + ${lead.excludedNonPositive} lead-time changes, direct count ${changes}`,
  );
  return { ...plain, causedByIncident: cfr.failed - plain.failed, changes };
}

// ---------------------------------------------------------------- plans --

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'CTE Name'?: string;
  'Subplan Name'?: string;
  'Actual Total Time': number;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Temp Read Blocks'?: number;
  'Temp Written Blocks'?: number;
  'Sort Method'?: string;
  Plans?: PlanNode[];
}

interface NodeCost {
  label: string;
  selfMs: number;
  rows: number;
  loops: number;
  sharedBlocks: number;
}

const totalMs = (node: PlanNode) =>
  node['Actual Total Time'] * node['Actual Loops'];

/** How long each CTE's own plan ran, by name. */
function cteTimes(node: PlanNode, into = new Map<string, number>()) {
  const name = node['Subplan Name'];
  if (name?.startsWith('CTE ')) into.set(name.slice(4), totalMs(node));
  for (const child of node.Plans ?? []) cteTimes(child, into);
  return into;
}

/**
 * Time spent in each node itself: its total minus its children's. A CTE
 * runs while a CTE Scan reads it, so its plan's time is taken off the scan
 * and not counted again for the node the CTE hangs from.
 */
function nodeCosts(
  node: PlanNode,
  ctes = cteTimes(node),
  into: NodeCost[] = [],
): NodeCost[] {
  const children = (node.Plans ?? [])
    .filter(child => !child['Subplan Name']?.startsWith('CTE '))
    .reduce((sum, child) => sum + totalMs(child), 0);
  const cte =
    node['Node Type'] === 'CTE Scan' ? ctes.get(node['CTE Name'] ?? '') : 0;
  const on = node['Index Name'] ?? node['Relation Name'] ?? node['CTE Name'];
  into.push({
    label: `${node['Node Type']}${on ? ` on ${on}` : ''}${
      node['Subplan Name'] ? ` (${node['Subplan Name']})` : ''
    }${node['Sort Method'] ? ` [${node['Sort Method']}]` : ''}`,
    selfMs: Math.max(0, totalMs(node) - children - (cte ?? 0)),
    rows: node['Actual Rows'] * node['Actual Loops'],
    loops: node['Actual Loops'],
    sharedBlocks:
      (node['Shared Hit Blocks'] ?? 0) + (node['Shared Read Blocks'] ?? 0),
  });
  for (const child of node.Plans ?? []) nodeCosts(child, ctes, into);
  return into;
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement: totals and costly nodes. */
async function explain(knex: Knex, name: string, statement: Knex.Raw) {
  const { sql, bindings } = statement.toSQL();
  // As the plugin runs them: without JIT compilation.
  const [json] = rowsOf(
    await knex.transaction(async tx => {
      await tx.raw('set local jit = off');
      return tx.raw(
        `explain (analyze, buffers, format json) ${sql}`,
        bindings as Knex.RawBinding[],
      );
    }),
  );
  const [plan] = json['QUERY PLAN'];
  const costs = nodeCosts(plan.Plan)
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 6);
  const jit = plan.JIT?.Timing?.Total;
  const lines = [
    `    ${name}: execution ${millis(
      plan['Execution Time'],
    )}, planning ${millis(plan['Planning Time'])}${
      jit === undefined
        ? ''
        : `, JIT ${millis(jit)} (counted in the first node that runs)`
    }`,
    ...costs.map(
      c =>
        `      ${millis(c.selfMs).padStart(9)} self  ${c.label} (rows ${
          c.rows
        }, loops ${c.loops}, buffers ${c.sharedBlocks})`,
    ),
  ];
  console.log(lines.join('\n'));
  if (EXPLAIN === 'full') {
    const text = rowsOf(
      await knex.raw(
        `explain (analyze, buffers) ${sql}`,
        bindings as Knex.RawBinding[],
      ),
    );
    console.log(text.map((r: any) => `      ${r['QUERY PLAN']}`).join('\n'));
  }
}

// ------------------------------------------------------------------ bench --

interface Window {
  from: Date;
  to: Date;
}

async function benchDatabase(db: BenchDatabase, deployments: number) {
  const { knex } = db;
  await applyDatabaseMigrations(knex);
  const generator = new HistoryGenerator(deployments, COMPONENTS);
  console.log(
    `\n${db.name}: generating and loading ${deployments} deployments across ${COMPONENTS} components over ${HISTORY_DAYS} days`,
  );
  const [{ count: stored }] = rowsOf(
    await knex.raw('select count(*) as count from deployments'),
  );
  if (Number(stored) > 0) {
    console.log(`  reusing the ${stored} deployments already loaded`);
    // As a run leaves it when interrupted: without the ingest timing's
    // deployments, and settled as autovacuum would leave it.
    await removeBenchIngest(knex);
    await knex.raw('VACUUM (ANALYZE)');
  }
  const load =
    Number(stored) > 0
      ? {
          rows: {} as LoadFigures['rows'],
          loadMs: 0,
          rebuildMs: 0,
          analyzeMs: 0,
        }
      : await loadHistory(db, generator);
  const total = Object.values(load.rows).reduce((sum, n) => sum + n, 0);
  console.log(
    [
      `  loaded in ${seconds(load.loadMs)} (${Math.round(
        total / (load.loadMs / 1000),
      )} rows/s): ${TABLES.map(
        t =>
          `${t} ${load.rows[t]}${
            load.sizes ? ` (${(load.sizes[t] / 1e6).toFixed(0)} MB)` : ''
          }`,
      ).join(', ')}`,
      `  first_deployments derived in ${seconds(load.rebuildMs)}${
        load.sizes
          ? ` (${(load.sizes.first_deployments / 1e6).toFixed(0)} MB)`
          : ''
      }`,
      `  ${
        db.name === 'PostgreSQL' ? 'VACUUM (ANALYZE)' : 'ANALYZE'
      } in ${seconds(load.analyzeMs)}`,
    ].join('\n'),
  );

  const store = new DoraStore(knex);
  const service = new DoraService({
    store,
    access: notUsed<CatalogAccess>('CatalogAccess'),
    config: undefined,
  });
  const environments = service.environments;
  // As the plugin does at start: the DORA facts (deployments' and
  // changes') for these environments, derived from the loaded history
  // (once, when reused).
  const prepareStart = performance.now();
  const derived = await service.prepare();
  if (derived) {
    await knex.raw(
      db.name === 'PostgreSQL'
        ? 'VACUUM (ANALYZE) dora_deployment_facts, dora_change_facts'
        : 'ANALYZE',
    );
  }
  console.log(
    derived
      ? `  DORA facts (dora_deployment_facts, dora_change_facts) derived in ${seconds(
          performance.now() - prepareStart,
        )}`
      : '  DORA facts already derived',
  );

  // A component of median size, and every 10th component as a group.
  const byCount = generator.counts
    .map((count, index) => ({ count, index }))
    .sort((a, b) => a.count - b.count);
  const typical = byCount[Math.floor(byCount.length / 2)].index;
  const entity: DoraScope = {
    kind: 'entity',
    ref: componentRef(typical),
    entityRefs: [componentRef(typical)],
  };
  const group: DoraScope = {
    kind: 'group',
    ref: 'group:default/bench-team',
    entityRefs: Array.from(
      { length: Math.ceil(COMPONENTS / GROUP_EVERY) },
      (_, i) => componentRef(i * GROUP_EVERY),
    ).sort(),
  };

  const window: Window = {
    from: new Date(END - WINDOW_DAYS * DAY),
    to: new Date(END),
  };
  const previous: Window = {
    from: new Date(END - 2 * WINDOW_DAYS * DAY),
    to: window.from,
  };
  const request = {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
  };
  const trendRequest = {
    from: new Date(END - TREND_WEEKS * 7 * DAY).toISOString(),
    to: request.to,
  };
  const queryScope = (scope: DoraScope, w: Window): DoraQueryScope => ({
    entityRefs: scope.entityRefs,
    environments,
    ...w,
  });
  const entityScope = queryScope(entity, window);
  const groupScope = queryScope(group, window);
  const thresholds = DEFAULT_DORA_THRESHOLDS;

  // Correctness first, once: the figures against direct counts.
  const entityFigures = await store.figures(entityScope, thresholds);
  const groupFigures = await store.figures(groupScope, thresholds);
  const entityCheck = await checkFigures(
    knex,
    'one component',
    entityScope,
    entityFigures,
  );
  const groupCheck = await checkFigures(
    knex,
    'group',
    groupScope,
    groupFigures,
  );
  const trend = await service.trend(group, trendRequest);
  const trendFrom = new Date(trend.items[0].weekStart);
  const trendPlain = await plainAggregate(
    knex,
    queryScope(group, { from: trendFrom, to: window.to }),
  );
  const trendDeployments = trend.items.reduce((s, p) => s + p.deployments, 0);
  check(
    trendDeployments === trendPlain.reached,
    `trend: ${trendDeployments} deployments over its weeks, direct count ${trendPlain.reached}`,
  );
  const details = await service.details(group, 'changeFailureRate', {
    ...request,
    limit: DETAILS_LIMIT,
    offset: 0,
  });
  check(
    details.totalCount === groupFigures.changeFailureRate.failed &&
      details.items.length ===
        Math.min(DETAILS_LIMIT, groupFigures.changeFailureRate.failed),
    `details: ${details.totalCount} rows (${details.items.length} on the page) for ${groupFigures.changeFailureRate.failed} failed deployments`,
  );
  const describe = (label: string, f: DoraFigures, c: typeof entityCheck) =>
    `  ${label}, last ${WINDOW_DAYS} days: ${
      c.deployments
    } finished production deployments (${c.reached} reached production, ${
      c.failed
    } failed or rolled back, ${
      c.causedByIncident
    } more failed through an incident), ${
      c.changes
    } changes; figures: ${f.deploymentFrequency.perDay.toFixed(
      2,
    )}/day, lead time median ${((f.leadTime.medianSeconds ?? 0) / 3600).toFixed(
      1,
    )} h, CFR ${((f.changeFailureRate.rate ?? 0) * 100).toFixed(
      1,
    )}%, recovery median ${((f.recoveryTime.medianSeconds ?? 0) / 60).toFixed(
      0,
    )} min, rework ${((f.reworkRate.rate ?? 0) * 100).toFixed(1)}%`;
  console.log(
    [
      describe(`one component (${entity.ref})`, entityFigures, entityCheck),
      describe(
        `group of ${group.entityRefs.length} components`,
        groupFigures,
        groupCheck,
      ),
      `  checks passed: deployments, finished and failed against direct counts, one failure episode per failed deployment, lead-time changes against an independent count, trend total (${trendDeployments}) and details total (${details.totalCount}) against direct counts`,
    ].join('\n'),
  );

  const baselinePair = (scope: DoraScope) => () =>
    Promise.all([
      plainAggregate(knex, queryScope(scope, window)),
      plainAggregate(knex, queryScope(scope, previous)),
    ]);
  const measurements: Measurement[] = [
    {
      name: 'entity figures',
      call: () => store.figures(entityScope, thresholds),
    },
    { name: 'entity baseline', call: () => plainAggregate(knex, entityScope) },
    {
      name: 'entity changes baseline',
      call: () => changesAggregateStatement(knex, entityScope),
    },
    {
      name: 'entity metrics',
      call: () => service.metrics(entity, request),
    },
    { name: 'entity baseline pair', call: baselinePair(entity) },
    {
      name: 'group figures',
      call: () => store.figures(groupScope, thresholds),
    },
    { name: 'group baseline', call: () => plainAggregate(knex, groupScope) },
    {
      name: 'group changes baseline',
      call: () => changesAggregateStatement(knex, groupScope),
    },
    { name: 'group metrics', call: () => service.metrics(group, request) },
    { name: 'group baseline pair', call: baselinePair(group) },
    { name: 'group trend', call: () => service.trend(group, trendRequest) },
    {
      name: 'group details',
      call: () =>
        service.details(group, 'changeFailureRate', {
          ...request,
          limit: DETAILS_LIMIT,
          offset: 0,
        }),
    },
  ];
  console.log(
    `  timing ${measurements.length} calls, ${WARM_UP} uncounted then ${REPETITIONS} rounds each`,
  );
  const times = await measureAll(measurements);
  const p50 = (name: string) => median(times.get(name)!);
  const p95 = (name: string) => percentile(times.get(name)!, 0.95);
  const line = (label: string, name: string) =>
    `    ${label.padEnd(48)} median ${millis(p50(name)).padStart(
      9,
    )}, p95 ${millis(p95(name)).padStart(9)}`;
  const ratio = (dora: string, plain: string) => {
    const value = p50(dora) / p50(plain);
    return `      ${'DORA / plain, medians'.padEnd(46)} ${value.toFixed(
      1,
    )}x (target <= ${TARGET_RATIO}x: ${verdict(value <= TARGET_RATIO)})`;
  };
  const scopeLines = (label: 'entity' | 'group') => [
    line('figures, one window (DoraStore.figures)', `${label} figures`),
    line('plain aggregate over the same rows', `${label} baseline`),
    ratio(`${label} figures`, `${label} baseline`),
    line('GET /dora/metrics: current + previous window', `${label} metrics`),
    line('plain aggregate, both windows at once', `${label} baseline pair`),
    ratio(`${label} metrics`, `${label} baseline pair`),
    line(
      'plain aggregate over deployments + changes',
      `${label} changes baseline`,
    ),
  ];
  console.log(
    [
      '',
      `${db.name}: ${load.rows.deployments} deployments, ${REPETITIONS} timed calls each`,
      `  (a) one component, ${WINDOW_DAYS} days (${entityCheck.deployments} deployments in the window):`,
      ...scopeLines('entity'),
      `  (b) group of ${group.entityRefs.length} components, ${WINDOW_DAYS} days (${groupCheck.deployments} deployments in the window):`,
      ...scopeLines('group'),
      `  (d) group of ${group.entityRefs.length} components:`,
      line(`weekly trend, ${trend.items.length} weeks`, 'group trend'),
      line(
        `details: changeFailureRate, limit ${DETAILS_LIMIT}`,
        'group details',
      ),
    ].join('\n'),
  );

  if (db.name === 'PostgreSQL') {
    console.log(
      `\n  where the time goes: EXPLAIN (ANALYZE, BUFFERS) of the group's statements (nodes by time spent in themselves)`,
    );
    const queries = new DoraQueries(knex, groupScope);
    await explain(
      knex,
      'deploymentFigures',
      queries.deploymentFigures('window'),
    );
    await explain(knex, 'leadTimes', queries.leadTimes('window'));
    await explain(
      knex,
      'plain aggregate',
      plainAggregateStatement(knex, groupScope),
    );
    await explain(
      knex,
      'plain aggregate over deployments + changes',
      changesAggregateStatement(knex, groupScope),
    );
  }

  await benchIngest(knex, componentRef(typical));
}

/**
 * What keeping first_deployments and the DORA facts current costs the
 * ingest: deployments written one request at a time through the plugin's
 * writer (each with three new commits and one shipped before, a minute
 * after the one before), and each refresh alone, redone for the same
 * deployment.
 */
async function benchIngest(knex: Knex, entityRef: string) {
  const writer = new DeliveryEventWriter(knex);
  const [earlier] = await knex('deployment_changes as dc')
    .join('deployments as d', 'd.id', 'dc.deployment_id')
    .where('d.entity_ref', entityRef)
    .select('dc.repository', 'dc.sha')
    .limit(1);
  const writes: number[] = [];
  const refreshes: number[] = [];
  const factRefreshes: number[] = [];
  for (let i = 0; i < WARM_UP + INGEST_WRITES; i++) {
    const externalId = `bench-ingest-${i}`;
    const report = {
      source: INGEST_SOURCE,
      externalId,
      entityRef,
      environment: 'production',
      version: externalId,
      status: 'succeeded' as const,
      startedAt: new Date(END + i * MINUTE).toISOString(),
      changes: [
        earlier,
        ...[1, 2, 3].map(n => ({
          repository: earlier.repository,
          sha: `bench${i}x${n}`,
        })),
      ],
    };
    const write = await elapsed(() => writer.write({ deployments: [report] }));
    const [{ id }] = await knex('deployments')
      .where({ source: INGEST_SOURCE, external_id: externalId })
      .select('id');
    const refresh = await elapsed(() =>
      knex.transaction(tx => refreshFirstDeployments(tx, [id])),
    );
    const factRefresh = await elapsed(() =>
      knex.transaction(async tx =>
        refreshDeploymentFacts(tx, await deploymentPoints(tx, [id])),
      ),
    );
    if (i >= WARM_UP) {
      writes.push(write);
      refreshes.push(refresh);
      factRefreshes.push(factRefresh);
    }
  }
  await removeBenchIngest(knex);
  console.log(
    [
      `  ingest: ${INGEST_WRITES} deployments of 4 changes, one request each:`,
      `    write through DeliveryEventWriter (with the refreshes) median ${millis(
        median(writes),
      )}, p95 ${millis(percentile(writes, 0.95))}`,
      `    refreshing first_deployments alone                median ${millis(
        median(refreshes),
      )}, p95 ${millis(percentile(refreshes, 0.95))}`,
      `    refreshing the DORA deployment facts alone        median ${millis(
        median(factRefreshes),
      )}, p95 ${millis(percentile(factRefreshes, 0.95))}`,
    ].join('\n'),
  );
}

/**
 * Removes what benchIngest wrote, keeping the derived tables right: the
 * next measurement (or a reused database) sees the generated history only.
 */
async function removeBenchIngest(knex: Knex) {
  await knex.transaction(async tx => {
    const written = tx('deployments')
      .where('source', INGEST_SOURCE)
      .select('id');
    const entities: string[] = await tx('deployments')
      .where('source', INGEST_SOURCE)
      .distinct('entity_ref')
      .pluck('entity_ref');
    await forgetFirstDeployments(tx, written.clone());
    await forgetDeploymentFacts(tx, written.clone());
    await tx('deployment_changes')
      .whereIn('deployment_id', written.clone())
      .delete();
    await tx('deployments').where('source', INGEST_SOURCE).delete();
    await refreshDeploymentFacts(
      tx,
      entities.map(entityRef => ({ entityRef, at: 0 })),
    );
  });
}

async function main() {
  const unknown = DATABASES.filter(
    name => !['postgres', 'sqlite'].includes(name),
  );
  if (unknown.length > 0) {
    throw new Error(`BENCH_DATABASES: postgres and/or sqlite, not ${unknown}`);
  }
  for (const name of DATABASES) {
    const db =
      name === 'sqlite' ? await createSqlite() : await createPostgres();
    try {
      await benchDatabase(
        db,
        name === 'sqlite' ? SQLITE_DEPLOYMENTS : DEPLOYMENTS,
      );
    } finally {
      await db.remove();
    }
  }
}

runBench(main, abandons);
