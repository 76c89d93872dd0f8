/*
 * DORA metrics benchmark: how fast the database answers the five DORA
 * figures over 1,000,000 deployments (with their changes and incidents)
 * across 1,000 components, for one component and for a group of 100,
 * against a single plain aggregate query over the same deployment rows in
 * the same run; the weekly trend and one drill-down page of the group; on
 * PostgreSQL, where the time of each statement goes; and variations of the
 * statements (written here, checked to give the same answers) that show
 * what would make them faster.
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
import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import {
  DEFAULT_DORA_THRESHOLDS,
  DoraFigures,
  DoraScope,
} from '@can-i-deploy/plugin-quality-gates-common';
import { applyDatabaseMigrations } from '../plugins/quality-gates-backend/src/database/migrations';
import { DoraService } from '../plugins/quality-gates-backend/src/dora/DoraService';
import { DoraStore } from '../plugins/quality-gates-backend/src/dora/DoraStore';
import {
  DoraQueries,
  DoraQueryScope,
} from '../plugins/quality-gates-backend/src/dora/doraQueries';
import {
  deployedAt,
  doraDialect,
  nearestRank,
  placeholders,
} from '../plugins/quality-gates-backend/src/dora/doraSql';
import { isPostgres } from '../plugins/quality-gates-backend/src/database/dialect';

const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
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
/** `full` prints the whole plan of every statement, not only its top nodes. */
const EXPLAIN = process.env.BENCH_EXPLAIN ?? 'top';

/** Every 10th component: a group of 100 of mixed sizes. */
const GROUP_EVERY = 10;
const HISTORY_DAYS = 730;
const WINDOW_DAYS = 90;
const TREND_WEEKS = 12;
const DETAILS_LIMIT = 100;
const TARGET_RATIO = 2;

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
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const databaseName = `qg_bench_dora_${process.pid}_${Date.now()}`;
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
    pool: { min: 0, max: 1 },
  });
  await admin.raw('CREATE DATABASE ??', [databaseName]);
  const drop = async () => {
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

interface LoadFigures {
  rows: Record<keyof RowSink, number>;
  loadMs: number;
  analyzeMs: number;
  sizes?: Record<string, number>;
}

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
       from pg_class c where c.relname in (${placeholders(TABLES)})`,
      TABLES,
    );
    sizes = Object.fromEntries(
      result.rows.map((r: any) => [r.name, Number(r.bytes)]),
    );
  }
  return { rows, loadMs, analyzeMs, sizes };
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
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
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
 * Lead-time changes counted independently: per change of the scope, its
 * first successful production deployment over the whole history, kept when
 * that falls in the window and the change has a commit time.
 */
async function leadTimeChanges(knex: Knex, scope: DoraQueryScope) {
  const result = await knex.raw(
    `select count(*) as changes from (
       select d.entity_ref, dc.repository, dc.sha, min(${deployedAt(
         'd',
       )}) as first_at
       from deployments d join deployment_changes dc on dc.deployment_id = d.id
       where d.entity_ref in (${placeholders(scope.entityRefs)})
         and d.environment in (${placeholders(scope.environments)})
         and d.status = 'succeeded'
       group by d.entity_ref, dc.repository, dc.sha
     ) f join changes c on c.repository = f.repository and c.sha = f.sha
     where f.first_at >= ? and f.first_at < ?
       and coalesce(c.committed_at, c.authored_at) is not null`,
    [...scope.entityRefs, ...scope.environments, scope.from, scope.to],
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

// ------------------------------------------------------------- candidates --

/*
 * Variations of the three statements, to measure what would make them
 * faster: written here, not in the plugin, and checked to return the same
 * rows as the plugin's statements. Each fix is a flag; the variants below
 * switch them on one after the other.
 */

type Bindable = string | number | Date;

/** SQL text with its bindings, in the order of its `?`s. */
interface Fragment {
  sql: string;
  bindings: Bindable[];
}

function isFragment(part: unknown): part is Fragment {
  return typeof part === 'object' && part !== null && 'bindings' in part;
}

/** SQL from a template: fragments inline, any other value is bound. */
function sql(
  strings: TemplateStringsArray,
  ...parts: Array<Fragment | Bindable>
): Fragment {
  let text = strings[0];
  const bindings: Bindable[] = [];
  parts.forEach((part, index) => {
    if (isFragment(part)) {
      text += part.sql;
      bindings.push(...part.bindings);
    } else {
      text += '?';
      bindings.push(part);
    }
    text += strings[index + 1];
  });
  return { sql: text, bindings };
}

const raw = (text: string): Fragment => ({ sql: text, bindings: [] });

/** `?, ?, ?` bound to a list, for IN. */
function list(values: Bindable[]): Fragment {
  return { sql: placeholders(values), bindings: values };
}

function joined(fragments: Fragment[], separator: string): Fragment {
  return {
    sql: fragments.map(f => f.sql).join(separator),
    bindings: fragments.flatMap(f => f.bindings),
  };
}

interface Fixes {
  /**
   * The deployment an incident is tied to, computed once per incident
   * (the plugin's query computes it twice or more: the CASE is repeated
   * where the subquery is flattened), and "the last successful production
   * deployment before it opened" as one backward index probe per production
   * environment instead of reading and sorting all of the entity's earlier
   * ones (an IN list of environments keeps the index from giving the order).
   */
  incidentCause: boolean;
  /** The same for "the next successful production deployment". */
  nextSuccess: boolean;
  /**
   * Unplanned deployments by one join of the window with the incidents
   * that were still open when it began, instead of a correlated EXISTS per
   * deployment that reads every earlier incident of the entity.
   */
  unplannedJoin: boolean;
  /**
   * PostgreSQL: durations as date_part('epoch', later - earlier), a float,
   * instead of extract(epoch from …)::float8 twice, which computes in
   * numeric since PostgreSQL 14 (and again wherever the CTE is inlined).
   */
  floatEpoch: boolean;
  /** Lead times read from a table of each change's first production deploy. */
  firstDeployTable: boolean;
}

const FIRST_DEPLOYS_TABLE = 'bench_first_deploys';

/** The plugin's statements, with some of the fixes above applied. */
class CandidateQueries {
  private readonly refs: Fragment;
  private readonly envs: Fragment;
  private readonly epoch: (expression: string) => string;

  constructor(
    private readonly knex: Knex,
    private readonly scope: DoraQueryScope,
    private readonly fixes: Fixes,
  ) {
    this.refs = list(scope.entityRefs);
    this.envs = list(scope.environments);
    this.epoch = doraDialect(knex).epoch;
  }

  /** Seconds from `earlier` to `later`, as the fixes say. */
  private secondsBetween(later: string, earlier: string): Fragment {
    if (this.fixes.floatEpoch && isPostgres(this.knex)) {
      return raw(`date_part('epoch', ${later} - ${earlier})`);
    }
    return raw(`${this.epoch(later)} - ${this.epoch(earlier)}`);
  }

  private statement(fragment: Fragment) {
    return this.knex.raw<any>(fragment.sql, fragment.bindings);
  }

  /** As the plugin's windowDeployments. */
  private win(): Fragment {
    const at = raw(deployedAt('d'));
    return sql`select d.id, d.entity_ref, d.environment, d.version, d.status, d.started_at,
        ${at} as deployed_at
      from deployments d
      where d.entity_ref in (${this.refs}) and d.environment in (${this.envs})
        and d.status in ('succeeded', 'failed', 'rolled_back')
        and ${at} >= ${this.scope.from} and ${at} < ${this.scope.to}`;
  }

  /**
   * One probe per production environment, each ordered by the index, then
   * the best of those few rows: `direction` desc is the last one at or
   * before `bound`, asc the first one after it.
   */
  private probePerEnvironment(
    outer: string,
    bound: string,
    direction: 'desc' | 'asc',
    select: string,
  ): Fragment {
    const at = deployedAt('d');
    const compare = direction === 'desc' ? '<=' : '>';
    const probes = this.scope.environments.map(
      (environment, index) =>
        sql`select * from (select d.id, ${raw(at)} as at from deployments d
          where d.entity_ref = ${raw(
            outer,
          )}.entity_ref and d.environment = ${environment}
            and d.status = 'succeeded' and ${raw(at)} ${raw(compare)} ${raw(
          bound,
        )}
          order by ${raw(at)} ${raw(direction)}, d.id ${raw(
          direction,
        )} limit 1) p${raw(String(index))}`,
    );
    return sql`select ${raw(select)} from (${joined(probes, ' union all ')}) p`;
  }

  /** Incidents since the window began, each with the deployment it is tied to. */
  private causes(): Fragment {
    const { from } = this.scope;
    if (!this.fixes.incidentCause) {
      const at = raw(deployedAt('d'));
      return sql`causes as (select x.incident_id, x.title, x.opened_at, x.resolved_at, x.deployment_id from (
          select i.id as incident_id, i.title, i.opened_at, i.resolved_at,
            case when i.caused_by_deployment_id is not null then (
              select e.id from deployments e
              where e.id = i.caused_by_deployment_id
                and e.entity_ref in (${this.refs}) and e.environment in (${this.envs})
            ) else (
              select d.id from deployments d
              where d.entity_ref = i.entity_ref and d.environment in (${this.envs})
                and d.status = 'succeeded' and ${at} <= i.opened_at
              order by ${at} desc, d.id desc
              limit 1
            ) end as deployment_id
          from incidents i
          where i.entity_ref in (${this.refs})
            and (i.environment is null or i.environment in (${this.envs}))
            and i.opened_at >= ${from}
        ) x where x.deployment_id is not null)`;
    }
    const latest = this.probePerEnvironment('i', 'i.opened_at', 'desc', 'p.id');
    return sql`cause_candidates as materialized (
        select i.id as incident_id, i.title, i.opened_at, i.resolved_at,
          case when i.caused_by_deployment_id is not null then (
            select e.id from deployments e
            where e.id = i.caused_by_deployment_id
              and e.entity_ref in (${this.refs}) and e.environment in (${this.envs})
          ) else (${latest} order by p.at desc, p.id desc limit 1) end as deployment_id
        from incidents i
        where i.entity_ref in (${this.refs})
          and (i.environment is null or i.environment in (${this.envs}))
          and i.opened_at >= ${from}
      ),
      causes as (select * from cause_candidates where deployment_id is not null)`;
  }

  deploymentCounts() {
    const unplanned = this.fixes.unplannedJoin
      ? {
          cte: sql`,
            unplanned as (
              select distinct w.id from win w
              join incidents i on i.entity_ref = w.entity_ref
              where i.entity_ref in (${this.refs})
                and (i.environment is null or i.environment in (${this.envs}))
                and i.opened_at <= w.started_at
                and (i.resolved_at is null or i.resolved_at > w.started_at)
                and (i.resolved_at is null
                  or i.resolved_at > (select min(started_at) from win))
            )`,
          join: raw('left join unplanned u on u.id = w.id'),
          condition: raw('u.id is not null'),
        }
      : {
          cte: raw(''),
          join: raw(''),
          condition: sql`exists (
              select 1 from incidents i
              where i.entity_ref = w.entity_ref
                and (i.environment is null or i.environment in (${this.envs}))
                and i.opened_at <= w.started_at
                and (i.resolved_at is null or i.resolved_at > w.started_at)
            )`,
        };
    return this.statement(sql`with win as (${this.win()}),
      ${this.causes()}${unplanned.cte}
      select cast(0 as integer) as bucket,
        count(*) as finished,
        sum(case when w.status in ('succeeded', 'rolled_back') then 1 else 0 end) as reached,
        sum(case when w.status in ('failed', 'rolled_back') or c.deployment_id is not null then 1 else 0 end) as failed,
        sum(case when ${unplanned.condition} then 1 else 0 end) as unplanned
      from win w
      left join (select deployment_id from causes group by deployment_id) c
        on c.deployment_id = w.id
      ${unplanned.join}
      group by bucket`);
  }

  /**
   * Builds the table the firstDeployTable fix reads: per entity and change,
   * its first successful deployment to a production environment and its
   * commit time. The ingest would keep it up to date; here it is built once.
   */
  static async createFirstDeploys(knex: Knex, environments: string[]) {
    const at = deployedAt('d');
    await knex.raw(
      `create table ${FIRST_DEPLOYS_TABLE} as
       select f.entity_ref, f.repository, f.sha, f.deployed_at,
         coalesce(c.committed_at, c.authored_at) as committed_at
       from (
         select d.entity_ref, dc.repository, dc.sha, min(${at}) as deployed_at
         from deployments d join deployment_changes dc on dc.deployment_id = d.id
         where d.environment in (${placeholders(environments)})
           and d.status = 'succeeded'
         group by d.entity_ref, dc.repository, dc.sha
       ) f join changes c on c.repository = f.repository and c.sha = f.sha`,
      environments,
    );
    const covering = isPostgres(knex)
      ? '(entity_ref, deployed_at) include (committed_at)'
      : '(entity_ref, deployed_at, committed_at)';
    await knex.raw(
      `create index ${FIRST_DEPLOYS_TABLE}_idx on ${FIRST_DEPLOYS_TABLE} ${covering}`,
    );
    await knex.raw(
      isPostgres(knex)
        ? `vacuum (analyze) ${FIRST_DEPLOYS_TABLE}`
        : `analyze ${FIRST_DEPLOYS_TABLE}`,
    );
  }

  /**
   * As the plugin's changeLeadTimes: changes whose first successful
   * production deployment falls in the window; or, with the fix, the same
   * read from the first-deploys table.
   */
  private leads(): Fragment {
    const { from, to } = this.scope;
    if (this.fixes.firstDeployTable) {
      return sql`select f.deployed_at, ${this.secondsBetween(
        'f.deployed_at',
        'f.committed_at',
      )} as seconds
        from ${raw(FIRST_DEPLOYS_TABLE)} f
        where f.entity_ref in (${this.refs})
          and f.deployed_at >= ${from} and f.deployed_at < ${to}
          and f.committed_at is not null`;
    }
    const committed = 'coalesce(c.committed_at, c.authored_at)';
    const at2 = raw(deployedAt('d2'));
    return sql`with win as (${this.win()}),
        firsts as (
          select w.entity_ref, dc.repository, dc.sha, min(w.deployed_at) as deployed_at,
            min(w.id) as deployment_id
          from win w join deployment_changes dc on dc.deployment_id = w.id
          where w.status = 'succeeded'
          group by w.entity_ref, dc.repository, dc.sha
        )
        select f.deployed_at, ${this.secondsBetween(
          'f.deployed_at',
          committed,
        )} as seconds
        from firsts f
        join changes c on c.repository = f.repository and c.sha = f.sha
        where ${raw(committed)} is not null
          and not exists (
            select 1 from deployment_changes dc2
            join deployments d2 on d2.id = dc2.deployment_id
            where dc2.repository = f.repository and dc2.sha = f.sha
              and d2.entity_ref = f.entity_ref
              and d2.environment in (${this.envs}) and d2.status = 'succeeded'
              and ${at2} < ${from}
          )`;
  }

  /** As the plugin's leadTimes, for the window. */
  leadTimes() {
    const positive = raw('case when l.seconds > 0 then 1 else 0 end');
    return this.statement(sql`with leads as (${this.leads()}),
      ranked as (
        select cast(0 as integer) as bucket, l.seconds, ${positive} as positive,
          row_number() over (partition by ${positive} order by l.seconds) as rn,
          count(*) over (partition by ${positive}) as n
        from leads l
      )
      select bucket,
        sum(positive) as changes,
        sum(1 - positive) as excluded,
        max(case when positive = 1 and rn = ${raw(
          nearestRank(50, 'n'),
        )} then seconds end) as median,
        max(case when positive = 1 and rn = ${raw(
          nearestRank(90, 'n'),
        )} then seconds end) as p90
      from ranked group by bucket`);
  }

  recoveries() {
    const at = deployedAt('d');
    const next = this.fixes.nextSuccess
      ? this.probePerEnvironment('f', 'f.failed_at', 'asc', 'min(p.at)')
      : sql`select min(${raw(at)}) from deployments d
          where d.entity_ref = f.entity_ref and d.environment in (${this.envs})
            and d.status = 'succeeded' and ${raw(at)} > f.failed_at`;
    // Materialized, the next success is looked up once per failure, not
    // once for every mention of it below.
    const materialized = this.fixes.nextSuccess ? 'materialized ' : '';
    const recovered = 'case when e.seconds is not null then 1 else 0 end';
    return this.statement(sql`with win as (${this.win()}),
      ${this.causes()},
      failures as (
        select w.id, w.entity_ref, w.environment, w.version, w.status, w.deployed_at,
          case when w.status in ('failed', 'rolled_back') then w.deployed_at
            else min(c.opened_at) end as failed_at,
          min(c.resolved_at) as resolved_at,
          min(c.incident_id) as incident_id,
          min(c.title) as incident_title
        from win w left join causes c on c.deployment_id = w.id
        group by w.id, w.entity_ref, w.environment, w.version, w.status, w.deployed_at
        having w.status in ('failed', 'rolled_back') or count(c.incident_id) > 0
      ),
      next_success as ${raw(materialized)}(
        select f.*, (${next}) as next_success_at from failures f
      ),
      episodes as (
        select n.*,
          case
            when n.next_success_at is null then n.resolved_at
            when n.resolved_at is null then n.next_success_at
            when n.next_success_at < n.resolved_at then n.next_success_at
            else n.resolved_at
          end as recovered_at
        from next_success n
      ),
      timed as (
        select e.*, ${this.secondsBetween(
          'e.recovered_at',
          'e.failed_at',
        )} as seconds
        from episodes e
      ),
      ranked as (
        select cast(0 as integer) as bucket, e.seconds, ${raw(
          recovered,
        )} as recovered,
          row_number() over (partition by ${raw(
            recovered,
          )} order by e.seconds) as rn,
          count(*) over (partition by ${raw(recovered)}) as n
        from timed e
      )
      select bucket,
        count(*) as failures,
        sum(recovered) as recovered,
        max(case when recovered = 1 and rn = ${raw(
          nearestRank(50, 'n'),
        )} then seconds end) as median
      from ranked group by bucket`);
  }
}

/** One way of running the three statements, as a variant to time. */
interface Variant {
  name: string;
  /** PostgreSQL only: the statements run with JIT compilation off. */
  jitOff: boolean;
  fixes?: Fixes;
}

const NO_FIXES: Fixes = {
  incidentCause: false,
  nextSuccess: false,
  unplannedJoin: false,
  floatEpoch: false,
  firstDeployTable: false,
};

const SHAPE_FIXES: Fixes = {
  ...NO_FIXES,
  incidentCause: true,
  nextSuccess: true,
  unplannedJoin: true,
  floatEpoch: true,
};

const ALL_FIXES: Fixes = { ...SHAPE_FIXES, firstDeployTable: true };

const DATE_PART = '+ durations with date_part (PostgreSQL)';

/** Each adds one change to the one before (JIT aside). */
const VARIANTS: Variant[] = [
  { name: "the plugin's statements", jitOff: false },
  { name: "the plugin's statements, JIT off", jitOff: true },
  {
    name: '+ incident cause: probe per environment, once',
    jitOff: false,
    fixes: { ...NO_FIXES, incidentCause: true },
  },
  {
    name: '+ next success: probe per environment, once',
    jitOff: false,
    fixes: { ...NO_FIXES, incidentCause: true, nextSuccess: true },
  },
  {
    name: '+ unplanned: join with open incidents',
    jitOff: false,
    fixes: { ...SHAPE_FIXES, floatEpoch: false },
  },
  { name: DATE_PART, jitOff: false, fixes: SHAPE_FIXES },
  { name: '  the four above, JIT off', jitOff: true, fixes: SHAPE_FIXES },
  {
    name: '+ lead time from a first-deploy table',
    jitOff: false,
    fixes: ALL_FIXES,
  },
  { name: '  all five, JIT off', jitOff: true, fixes: ALL_FIXES },
];

type StatementName = 'deploymentCounts' | 'leadTimes' | 'recoveries';
const STATEMENTS: StatementName[] = [
  'deploymentCounts',
  'leadTimes',
  'recoveries',
];

/** The statements of a variant, ready to run (each one call, one result). */
function variantStatements(
  knex: Knex,
  scope: DoraQueryScope,
  variant: Variant,
): Record<StatementName, () => Promise<any[]>> {
  const plugin = new DoraQueries(knex, scope);
  const fixes = variant.fixes ?? NO_FIXES;
  const candidate = new CandidateQueries(knex, scope, fixes);
  const builders: Record<StatementName, () => Knex.Raw> = variant.fixes
    ? {
        deploymentCounts: () => candidate.deploymentCounts(),
        leadTimes: () => candidate.leadTimes(),
        recoveries: () => candidate.recoveries(),
      }
    : {
        deploymentCounts: () => plugin.deploymentCounts('window'),
        leadTimes: () => plugin.leadTimes('window'),
        recoveries: () => plugin.recoveries('window'),
      };
  const run = (build: () => Knex.Raw) => async () => {
    if (!variant.jitOff) return rowsOf(await build());
    return knex.transaction(async tx => {
      await tx.raw('set local jit = off');
      const { sql: text, bindings } = build().toSQL();
      return rowsOf(await tx.raw(text, bindings as Knex.RawBinding[]));
    });
  };
  return {
    deploymentCounts: run(builders.deploymentCounts),
    leadTimes: run(builders.leadTimes),
    recoveries: run(builders.recoveries),
  };
}

/** Rows as plain numbers, so both databases' answers compare alike. */
function comparable(rows: any[]): number[][] {
  return rows.map(row =>
    Object.keys(row)
      .sort()
      .map(key => (row[key] === null ? NaN : Number(row[key]))),
  );
}

function sameRows(a: any[], b: any[]): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return (
    x.length === y.length &&
    x.every(
      (row, i) =>
        row.length === y[i].length &&
        row.every(
          (value, j) =>
            (Number.isNaN(value) && Number.isNaN(y[i][j])) ||
            Math.abs(value - y[i][j]) <= 1e-6 * Math.max(1, Math.abs(value)),
        ),
    )
  );
}

/**
 * Every variant on one scope: each statement alone, and the three at once
 * as DoraStore.figures runs them; every result checked against the
 * plugin's. Medians in ms.
 */
async function benchVariants(
  db: BenchDatabase,
  label: string,
  scope: DoraQueryScope,
  baselineMs: number,
) {
  // JIT and date_part are PostgreSQL's.
  const variants = VARIANTS.filter(
    v => db.name === 'PostgreSQL' || (!v.jitOff && v.name !== DATE_PART),
  );
  const expected = variantStatements(db.knex, scope, VARIANTS[0]);
  const reference: Record<string, any[]> = {};
  for (const name of STATEMENTS) reference[name] = await expected[name]();

  const measurements: Measurement[] = [];
  for (const variant of variants) {
    const statements = variantStatements(db.knex, scope, variant);
    for (const name of STATEMENTS) {
      const rows = await statements[name]();
      check(
        sameRows(rows, reference[name]),
        `${variant.name}, ${name} on ${label}: ${JSON.stringify(
          rows,
        )} instead of ${JSON.stringify(reference[name])}`,
      );
      measurements.push({
        name: `${variant.name}|${name}`,
        call: statements[name],
      });
    }
    measurements.push({
      name: `${variant.name}|all`,
      call: () => Promise.all(STATEMENTS.map(name => statements[name]())),
    });
  }
  const times = await measureAll(measurements);
  const p50 = (name: string) => median(times.get(name)!);
  const column = (ms: number) => millis(ms).padStart(10);
  const lines = [
    `  ${label}: medians of ${REPETITIONS}; every variant returned the same rows as the plugin's statements`,
    `    ${'variant'.padEnd(48)}${'counts'.padStart(10)}${'leads'.padStart(
      10,
    )}${'recov.'.padStart(10)}${'all three'.padStart(11)}  / plain`,
    ...variants.map(variant => {
      const all = p50(`${variant.name}|all`);
      return `    ${variant.name.padEnd(48)}${STATEMENTS.map(name =>
        column(p50(`${variant.name}|${name}`)),
      ).join('')} ${column(all)}  ${(all / baselineMs).toFixed(1)}x`;
    }),
  ];
  console.log(lines.join('\n'));
}

// --------------------------------------------------------------- planning --

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
  const [json] = rowsOf(
    await knex.raw(
      `explain (analyze, buffers, format json) ${sql}`,
      bindings as Knex.RawBinding[],
    ),
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
  const load = await loadHistory(db, generator);
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
      `  ${
        db.name === 'PostgreSQL' ? 'VACUUM (ANALYZE)' : 'ANALYZE'
      } in ${seconds(load.analyzeMs)}`,
    ].join('\n'),
  );

  const store = new DoraStore(knex);
  const service = new DoraService({
    store,
    catalog: notUsed<CatalogApi>('CatalogApi'),
    auth: notUsed<AuthService>('AuthService'),
    config: undefined,
  });
  const environments = service.environments;

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
    await explain(knex, 'deploymentCounts', queries.deploymentCounts('window'));
    await explain(knex, 'leadTimes', queries.leadTimes('window'));
    await explain(knex, 'recoveries', queries.recoveries('window'));
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

  const build = performance.now();
  await CandidateQueries.createFirstDeploys(knex, environments);
  console.log(
    [
      '',
      `${db.name}: variations of the statements (not the plugin's code), each statement alone and all three at once as figures runs them, against the plain aggregate`,
      `  first-deploy table for the last variants built in ${seconds(
        performance.now() - build,
      )} (once; the ingest would keep it up to date)`,
    ].join('\n'),
  );
  await benchVariants(db, 'one component', entityScope, p50('entity baseline'));
  await benchVariants(
    db,
    `group of ${group.entityRefs.length}`,
    groupScope,
    p50('group baseline'),
  );

  if (db.name === 'PostgreSQL') {
    console.log(
      `\n  where the time goes with the fixes: EXPLAIN (ANALYZE, BUFFERS) of the group's statements`,
    );
    const fixed = new CandidateQueries(knex, groupScope, ALL_FIXES);
    const shaped = new CandidateQueries(knex, groupScope, SHAPE_FIXES);
    await explain(knex, 'deploymentCounts', fixed.deploymentCounts());
    await explain(knex, 'leadTimes, shape fixes only', shaped.leadTimes());
    await explain(knex, 'leadTimes, first-deploy table', fixed.leadTimes());
    await explain(knex, 'recoveries', fixed.recoveries());
  }
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

// Ctrl-C: drop the database before leaving.
const abandon = async () => {
  for (const cleanup of [...abandons]) await cleanup().catch(() => {});
  process.exit(130);
};
process.once('SIGINT', abandon);
process.once('SIGTERM', abandon);

main().then(
  () => process.exit(0),
  async error => {
    console.error(error);
    for (const cleanup of [...abandons]) await cleanup().catch(() => {});
    process.exit(1);
  },
);
