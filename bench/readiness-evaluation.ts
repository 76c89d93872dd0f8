/*
 * Readiness evaluation benchmark: ms per entity of a full readiness run
 * (ReadinessService.evaluateAll) over 10,000 generated Components with the
 * checks that read catalog data only (owner, source, on-call, docs and one
 * config-defined JSONPath check), on PostgreSQL and on SQLite, against a
 * plain upsert of one row per entity into a copy of the results table; the
 * peak RSS growth of a full run; and how fast the overview page's API
 * answers from the stored results.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/readiness-evaluation.ts
 *
 * The catalog is in memory on purpose: entities reach the service through
 * the `CatalogApi` interface (streamEntities in pages, getEntitiesByRefs with
 * `fields`), as from the catalog client, but the figure is our evaluation
 * and storage, not the catalog's speed. The databases are real; the only
 * other stand-ins are AuthService (there is no auth server in the loop; the
 * token is only handed to the in-memory catalog) and a console logger.
 * Single-entity evaluation over HTTP, against Tech Insights on the same
 * backend and catalog, is measured by readiness-single-entity.ts.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import knexFactory, { Knex } from 'knex';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  CatalogApi,
  EntityFilterQuery,
  GetEntitiesByRefsRequest,
  GetEntitiesByRefsResponse,
  StreamEntitiesRequest,
} from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { applyDatabaseMigrations } from '../plugins/quality-gates-backend/src/database/migrations';
import { createReadiness } from '../plugins/quality-gates-backend/src/readiness/createReadiness';
import { writeReadinessCsv } from '../plugins/quality-gates-backend/src/readiness/readinessCsv';
import {
  READINESS_PAGE_SIZE,
  ReadinessService,
} from '../plugins/quality-gates-backend/src/readiness/ReadinessService';
import {
  ReadinessOverviewQuery,
  ReadinessStore,
  ROWS_PER_STATEMENT,
} from '../plugins/quality-gates-backend/src/readiness/ReadinessStore';
import {
  ExpectedFailures,
  generateCatalog,
  GROUPS,
  readinessConfig,
  SYSTEMS,
  USERS,
} from './lib/readinessCatalog';
import { benchDatabaseName, POSTGRES_URL } from './lib/benchEnv';
import { median, percentile } from './lib/statistics';

/** Components scored; Groups, Users and Systems come on top. */
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
/** Rounds of every run measurement; medians are reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Which databases to run on, comma-separated. */
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres,sqlite').split(',');
/** Calls per overview query, after a few uncounted ones. */
const OVERVIEW_CALLS = 50;

const TARGET_MS_PER_ENTITY = 0.2;
const TARGET_GROWTH_BYTES = 200e6;
const TARGET_OVERVIEW_MS = 200;

// Collecting garbage before a memory measurement makes "before" comparable
// between rounds; the flag is set at run time so the command stays plain.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

// ---------------------------------------------------------------- catalog --

function valueAt(entity: Entity, dotted: string): unknown {
  let value: any = entity;
  for (const key of dotted.split('.')) value = value?.[key];
  return value;
}

function matchesCatalogFilter(
  filter: EntityFilterQuery | undefined,
  entity: Entity,
): boolean {
  if (!filter) return true;
  if (Array.isArray(filter)) {
    return filter.some(one => matchesCatalogFilter(one, entity));
  }
  return Object.entries(filter).every(([key, wanted]) => {
    const actual = valueAt(entity, key);
    const values = ([] as unknown[])
      .concat(actual ?? [])
      .map(value => String(value).toLowerCase());
    return ([] as Array<string | symbol>)
      .concat(wanted)
      .some(want =>
        want === CATALOG_FILTER_EXISTS
          ? actual !== undefined
          : values.includes(String(want).toLowerCase()),
      );
  });
}

/** Only the named fields, as the catalog answers a `fields` request. */
function project(entity: Entity, fields: string[] | undefined): Entity {
  if (!fields || fields.length === 0) return entity;
  const projected: any = {};
  for (const field of fields) {
    const keys = field.split('.');
    const value = valueAt(entity, field);
    if (value === undefined) continue;
    let target = projected;
    for (const key of keys.slice(0, -1)) target = target[key] ??= {};
    target[keys[keys.length - 1]] = value;
  }
  return projected;
}

/**
 * A page from the catalog client arrives as I/O: the event loop turns
 * before it is handled, so timers and signals run between pages as they
 * would in the backend. Without it a run on SQLite (synchronous driver)
 * would never leave the microtask queue.
 */
function asIo<T>(value: T): Promise<T> {
  return new Promise(resolve => setImmediate(() => resolve(value)));
}

function notUsed(method: string) {
  return (): never => {
    throw new Error(`${method} is not used by the benchmark`);
  };
}

/**
 * The catalog client interface over entities in memory: the two methods
 * readiness calls, with paging, filters and field selection.
 */
class InMemoryCatalog implements CatalogApi {
  private readonly byRef: Map<string, Entity>;

  constructor(private readonly entities: Entity[]) {
    this.byRef = new Map(entities.map(e => [canonicalEntityRef(e), e]));
  }

  async *streamEntities(request: StreamEntitiesRequest = {}) {
    if (request.query || request.fullTextFilter || request.orderFields) {
      throw new Error('The in-memory catalog only filters and pages');
    }
    const pageSize = request.pageSize ?? 500;
    let page: Entity[] = [];
    for (const entity of this.entities) {
      if (!matchesCatalogFilter(request.filter, entity)) continue;
      page.push(project(entity, request.fields));
      if (page.length === pageSize) {
        yield await asIo(page);
        page = [];
      }
    }
    if (page.length > 0) yield await asIo(page);
  }

  async getEntitiesByRefs(
    request: GetEntitiesByRefsRequest,
  ): Promise<GetEntitiesByRefsResponse> {
    if (request.filter || request.query) {
      throw new Error('The in-memory catalog looks up by ref only');
    }
    return {
      items: request.entityRefs.map(ref => {
        const found = this.byRef.get(
          stringifyEntityRef(parseEntityRef(ref)).toLowerCase(),
        );
        return found && project(found, request.fields);
      }),
    };
  }

  getEntities = notUsed('CatalogApi.getEntities');
  queryEntities = notUsed('CatalogApi.queryEntities');
  getEntityAncestors = notUsed('CatalogApi.getEntityAncestors');
  getEntityByRef = notUsed('CatalogApi.getEntityByRef');
  removeEntityByUid = notUsed('CatalogApi.removeEntityByUid');
  refreshEntity = notUsed('CatalogApi.refreshEntity');
  getEntityFacets = notUsed('CatalogApi.getEntityFacets');
  getLocations = notUsed('CatalogApi.getLocations');
  queryLocations = notUsed('CatalogApi.queryLocations');
  streamLocations = notUsed('CatalogApi.streamLocations');
  getLocationById = notUsed('CatalogApi.getLocationById');
  getLocationByRef = notUsed('CatalogApi.getLocationByRef');
  addLocation = notUsed('CatalogApi.addLocation');
  removeLocationById = notUsed('CatalogApi.removeLocationById');
  updateLocation = notUsed('CatalogApi.updateLocation');
  getLocationByEntity = notUsed('CatalogApi.getLocationByEntity');
  validateEntity = notUsed('CatalogApi.validateEntity');
  analyzeLocation = notUsed('CatalogApi.analyzeLocation');
}

// -------------------------------------------------------------- readiness --

/** No auth server is in the loop: the token only reaches the catalog above. */
const auth: AuthService = {
  async getOwnServiceCredentials() {
    return {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'service', subject: 'plugin:quality-gates' },
    };
  },
  async getPluginRequestToken() {
    return { token: 'bench-token' };
  },
  authenticate: notUsed('AuthService.authenticate'),
  isPrincipal: notUsed('AuthService.isPrincipal') as any,
  getNoneCredentials: notUsed('AuthService.getNoneCredentials'),
  getLimitedUserToken: notUsed('AuthService.getLimitedUserToken'),
  listPublicServiceKeys: notUsed('AuthService.listPublicServiceKeys'),
};

const logger: LoggerService = {
  error: (message, meta) => console.error(message, meta ?? ''),
  warn: (message, meta) => console.warn(message, meta ?? ''),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

function readinessOn(knex: Knex, catalog: CatalogApi) {
  return createReadiness({
    config: new ConfigReader(readinessConfig),
    knex,
    catalog,
    auth,
    logger,
    sourceChecks: [],
    moduleChecks: [],
  });
}

// --------------------------------------------------------------- database --

type DatabaseName = 'PostgreSQL' | 'SQLite';

interface BenchDatabase {
  name: DatabaseName;
  knex: Knex;
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
  const databaseName = benchDatabaseName('readiness');
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
  return { name: 'PostgreSQL', knex, remove };
}

/** better-sqlite3 on a file, as the backend's SQLite connector opens it. */
async function createSqlite(): Promise<BenchDatabase> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-'));
  const erase = async () =>
    fs.rmSync(directory, { recursive: true, force: true });
  abandons.add(erase);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'readiness.sqlite') },
    useNullAsDefault: true,
  });
  const remove = async () => {
    await knex.destroy();
    await erase();
    abandons.delete(erase);
  };
  return { name: 'SQLite', knex, remove };
}

const BASELINE_TABLE = 'readiness_entities_baseline';

/** An empty copy of readiness_entities: same columns, key and indexes. */
async function createBaselineTable(db: BenchDatabase) {
  if (db.name === 'PostgreSQL') {
    await db.knex.raw('CREATE TABLE ?? (LIKE ?? INCLUDING ALL)', [
      BASELINE_TABLE,
      'readiness_entities',
    ]);
    return;
  }
  const statements: Array<{ sql: string }> = await db
    .knex('sqlite_master')
    .select('sql')
    .where('tbl_name', 'readiness_entities')
    .whereNotNull('sql')
    .orderByRaw("type = 'table' desc");
  for (const { sql } of statements) {
    await db.knex.raw(sql.replace(/readiness_entities/g, BASELINE_TABLE));
  }
}

// -------------------------------------------------------------- measuring --

/**
 * What a run does to the process: peak RSS (sampled, and the kernel's
 * high-water mark) and the longest the event loop was blocked, during which
 * the backend would answer no request.
 */
function watchProcess() {
  collectGarbage();
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  let highWaterMarkReset = false;
  try {
    // Resets VmHWM to the current RSS (Linux).
    fs.writeFileSync('/proc/self/clear_refs', '5');
    highWaterMarkReset = true;
  } catch {
    // Not Linux: the sampled peak alone.
  }
  const before = process.memoryUsage.rss();
  let sampledPeak = before;
  const timer = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 5);
  return () => {
    clearInterval(timer);
    stalls.disable();
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
    let highWaterMark: number | undefined;
    if (highWaterMarkReset) {
      const status = fs.readFileSync('/proc/self/status', 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) highWaterMark = Number(hwm[1]) * 1024;
    }
    const peak = Math.max(sampledPeak, highWaterMark ?? 0);
    return {
      before,
      sampledGrowth: sampledPeak - before,
      highWaterMarkGrowth:
        highWaterMark === undefined ? undefined : highWaterMark - before,
      growth: peak - before,
      longestStallMs: stalls.max / 1e6,
    };
  };
}

/** Wall time, and CPU time of this process (the rest is waiting). */
async function timed<T>(work: () => Promise<T>) {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

type StoredRow = Record<string, unknown>;

/**
 * The floor for storing results: the same entities streamed from the same
 * catalog in pages of 500, one row each with a fixed precomputed payload
 * upserted into a copy of the table, one transaction per page, in
 * statements of the store's size.
 */
async function storeFloor(
  knex: Knex,
  catalog: CatalogApi,
  payload: StoredRow,
): Promise<number> {
  const { entity_ref: _ref, first_seen_at: _first, ...updatable } = payload;
  const merged = Object.keys(updatable);
  let stored = 0;
  for await (const page of catalog.streamEntities({
    filter: { kind: ['Component'] },
    pageSize: READINESS_PAGE_SIZE,
  })) {
    const at = new Date();
    const rows = page
      .map(e => ({
        ...payload,
        entity_ref: canonicalEntityRef(e),
        evaluated_at: at,
        first_seen_at: at,
      }))
      .sort((a, b) => (a.entity_ref < b.entity_ref ? -1 : 1));
    await knex.transaction(async tx => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        await tx(BASELINE_TABLE)
          .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict('entity_ref')
          .merge(merged);
      }
    });
    stored += rows.length;
  }
  return stored;
}

async function countRows(knex: Knex, table: string): Promise<number> {
  const [{ count }] = await knex(table).count({ count: '*' });
  return Number(count);
}

/** Every check reported exactly the failures the generator put in. */
async function assertFailures(knex: Knex, expected: ExpectedFailures) {
  for (const [checkId, count] of Object.entries(expected)) {
    const [{ found }] = await knex('readiness_entities')
      .where('failing_checks', 'like', `%|${checkId}|%`)
      .count({ found: '*' });
    if (Number(found) !== count) {
      throw new Error(
        `Expected ${count} entities failing ${checkId}, found ${found}`,
      );
    }
  }
}

const perEntity = (ms: number) => `${(ms / ENTITIES).toFixed(3)} ms/entity`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const millis = (ms: number) => `${ms.toFixed(1)} ms`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/** 50 timed calls after 5 uncounted ones: median and p95 in ms. */
async function latency(call: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < OVERVIEW_CALLS; i++) {
    times.push((await timed(call)).ms);
  }
  return { p50: median(times), p95: percentile(times, 0.95) };
}

/** What GET /readiness/overview runs, and the JSON it answers with. */
function overviewCall(store: ReadinessStore, query: ReadinessOverviewQuery) {
  return async () => {
    const [page, facets] = await Promise.all([
      store.overview({ limit: 100, ...query }),
      store.facets(),
    ]);
    if (page.items.length === 0) throw new Error('The overview is empty');
    return JSON.stringify({ ...page, facets });
  };
}

/** Spreads first-seen times over a year, so few entities count as new. */
async function ageEntities(db: BenchDatabase) {
  const day = 86_400_000;
  if (db.name === 'PostgreSQL') {
    await db.knex.raw(
      `update readiness_entities set first_seen_at = first_seen_at
         - make_interval(days => abs(hashtext(entity_ref)) % 400)`,
    );
  } else {
    await db.knex.raw(
      `update readiness_entities set first_seen_at = first_seen_at
         - (abs(random()) % 400) * ${day}`,
    );
  }
}

interface Round {
  fullMs: number;
  fullCpuMs: number;
  rerunMs: number;
  rerunCpuMs: number;
  floorEmptyMs: number;
  floorExistingMs: number;
  memory: ProcessFigures;
}

type ProcessFigures = ReturnType<ReturnType<typeof watchProcess>>;

interface DatabaseFigures {
  name: DatabaseName;
  coldMs: number;
  coldMemory: ProcessFigures;
  rounds: Round[];
  overview: Record<string, { p50: number; p95: number }>;
  exportMs: number;
  exportBytes: number;
}

/** A full run on empty tables: every entity stored, one history point each. */
async function fullRun(
  knex: Knex,
  service: ReadinessService,
  expected: ExpectedFailures,
) {
  await knex('readiness_entities').truncate();
  await knex('readiness_history').truncate();
  const stopWatching = watchProcess();
  const run = await timed(() => service.evaluateAll());
  const memory = stopWatching();
  if (run.result.evaluated !== ENTITIES) {
    throw new Error(`Evaluated ${run.result.evaluated} of ${ENTITIES}`);
  }
  const history = await countRows(knex, 'readiness_history');
  if (history !== ENTITIES) {
    throw new Error(`Expected ${ENTITIES} history points, found ${history}`);
  }
  await assertFailures(knex, expected);
  return { ms: run.ms, cpuMs: run.cpuMs, memory };
}

/** A run over stored results with nothing changed: no history points. */
async function rerun(knex: Knex, service: ReadinessService) {
  const run = await timed(() => service.evaluateAll());
  if (run.result.evaluated !== ENTITIES || run.result.removed !== 0) {
    throw new Error(`Re-run: ${JSON.stringify(run.result)}`);
  }
  const history = await countRows(knex, 'readiness_history');
  if (history !== ENTITIES) {
    throw new Error(
      `Nothing changed, yet the re-run added ${
        history - ENTITIES
      } history points`,
    );
  }
  return run;
}

async function timedFloor(knex: Knex, catalog: CatalogApi, row: StoredRow) {
  const floor = await timed(() => storeFloor(knex, catalog, row));
  if (floor.result !== ENTITIES) {
    throw new Error(`The floor stored ${floor.result} rows`);
  }
  return floor.ms;
}

async function benchDatabase(db: BenchDatabase): Promise<DatabaseFigures> {
  const { entities, expected } = generateCatalog(ENTITIES);
  const catalog = new InMemoryCatalog(entities);
  const { knex } = db;
  await applyDatabaseMigrations(knex);
  await createBaselineTable(db);
  const { service, store } = readinessOn(knex, catalog);

  // The first run in this fresh process, as after a backend start: its
  // memory growth starts from a cold heap. It also warms up (JIT, pool) and
  // its median stored row is the floor's payload.
  const cold = await fullRun(knex, service, expected);
  const stored: StoredRow[] = await knex('readiness_entities').select();
  stored.sort((a, b) => String(a.results).length - String(b.results).length);
  const payload = stored[Math.floor(stored.length / 2)];
  await timedFloor(knex, catalog, payload);
  console.log(
    `  first run in a fresh process: ${perEntity(
      cold.ms,
    )}, peak RSS +${megabytes(cold.memory.growth)} over ${megabytes(
      cold.memory.before,
    )}`,
  );

  // The machine is shared with the database: each round runs everything
  // once and the medians are reported.
  const rounds: Round[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    await knex(BASELINE_TABLE).truncate();
    const full = await fullRun(knex, service, expected);
    const floorEmptyMs = await timedFloor(knex, catalog, payload);
    const again = await rerun(knex, service);
    const floorExistingMs = await timedFloor(knex, catalog, payload);
    const figures: Round = {
      fullMs: full.ms,
      fullCpuMs: full.cpuMs,
      rerunMs: again.ms,
      rerunCpuMs: again.cpuMs,
      floorEmptyMs,
      floorExistingMs,
      memory: full.memory,
    };
    rounds.push(figures);
    console.log(
      `  round ${round}: full ${perEntity(full.ms)} (floor ${perEntity(
        floorEmptyMs,
      )}), re-run ${perEntity(again.ms)} (floor ${perEntity(
        floorExistingMs,
      )}), peak RSS +${megabytes(full.memory.growth)}`,
    );
  }

  await ageEntities(db);
  const overview = {
    'default (new first)': await latency(overviewCall(store, {})),
    'failingCheck=owner': await latency(
      overviewCall(store, { failingCheck: 'owner' }),
    ),
    'sort=score desc': await latency(
      overviewCall(store, { sort: 'score', order: 'desc' }),
    ),
    'plain select, limit 100': await latency(() =>
      knex('readiness_entities').select().orderBy('entity_ref').limit(100),
    ),
  };

  let exportBytes = 0;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      exportBytes += chunk.length;
      done();
    },
  });
  const checkIds = service.checkSet.checks.map(check => check.id);
  const csv = await timed(() =>
    writeReadinessCsv(sink, checkIds, store.exportRows({})),
  );
  return {
    name: db.name,
    coldMs: cold.ms,
    coldMemory: cold.memory,
    rounds,
    overview,
    exportMs: csv.ms,
    exportBytes,
  };
}

function report(figures: DatabaseFigures) {
  const { rounds, coldMemory } = figures;
  const full = median(rounds.map(r => r.fullMs));
  const rerunMs = median(rounds.map(r => r.rerunMs));
  const fullRatio = median(rounds.map(r => r.fullMs / r.floorEmptyMs));
  const rerunRatio = median(rounds.map(r => r.rerunMs / r.floorExistingMs));
  const memories = [coldMemory, ...rounds.map(r => r.memory)];
  const growth = Math.max(...memories.map(m => m.growth));
  const target = (ms: number) =>
    figures.name === 'PostgreSQL'
      ? ` (target <= ${TARGET_MS_PER_ENTITY}: ${verdict(
          ms / ENTITIES <= TARGET_MS_PER_ENTITY,
        )})`
      : ' (no target on SQLite)';
  const cpu = (pick: (r: Round) => number) =>
    `    this process's CPU:    ${perEntity(median(rounds.map(pick)))}${
      figures.name === 'SQLite'
        ? ' (SQLite included: it runs in this process)'
        : ' (the rest is waiting on PostgreSQL)'
    }`;
  const growths = (pick: (m: ProcessFigures) => number | undefined) =>
    memories
      .map(m => (pick(m) === undefined ? 'n/a' : `+${megabytes(pick(m)!)}`))
      .join(', ');
  const lines = [
    '',
    `${figures.name}: ${ENTITIES} Components, medians of ${ROUNDS} rounds`,
    `  full run, empty tables:  ${perEntity(full)}${target(full)}`,
    cpu(r => r.fullCpuMs),
    `    plain upsert floor:    ${perEntity(
      median(rounds.map(r => r.floorEmptyMs)),
    )}, ratio evaluation / floor ${fullRatio.toFixed(2)}`,
    `  re-run, nothing changed: ${perEntity(rerunMs)}${target(rerunMs)}`,
    cpu(r => r.rerunCpuMs),
    `    plain upsert floor:    ${perEntity(
      median(rounds.map(r => r.floorExistingMs)),
    )}, ratio evaluation / floor ${rerunRatio.toFixed(2)}`,
    `  first run in a fresh process (cold): ${perEntity(figures.coldMs)}`,
    `  peak RSS growth of a full run, largest: ${megabytes(
      growth,
    )} (target < ${megabytes(TARGET_GROWTH_BYTES)}: ${verdict(
      growth < TARGET_GROWTH_BYTES,
    )}); RSS before the first run ${megabytes(coldMemory.before)}`,
    `    first run, then rounds: sampled every 5 ms ${growths(
      m => m.sampledGrowth,
    )}; VmHWM ${growths(m => m.highWaterMarkGrowth)}`,
    `  longest event-loop stall in a full run: ${millis(
      Math.max(...memories.map(m => m.longestStallMs)),
    )} (the backend answers no request meanwhile)`,
    `  overview API on ${ENTITIES} stored rows, overview + facets in parallel, ${OVERVIEW_CALLS} calls:`,
    ...Object.entries(figures.overview).map(
      ([name, { p50, p95 }]) =>
        `    ${name.padEnd(24)} median ${millis(p50)}, p95 ${millis(p95)}${
          name.startsWith('plain')
            ? ' (baseline)'
            : ` (target < ${TARGET_OVERVIEW_MS} ms: ${verdict(
                p95 < TARGET_OVERVIEW_MS,
              )})`
        }`,
    ),
    `  CSV export of every row: ${millis(figures.exportMs)}, ${(
      figures.exportBytes / 1e3
    ).toFixed(0)} kB`,
  ];
  console.log(lines.join('\n'));
}

type ChildMessage = { type: 'figures'; figures: DatabaseFigures };

/** In the child: one database, from a fresh process, figures to the parent. */
async function runOneDatabase(name: string) {
  const db = name === 'sqlite' ? await createSqlite() : await createPostgres();
  try {
    const figures = await benchDatabase(db);
    await new Promise<void>((resolve, reject) =>
      process.send!(
        { type: 'figures', figures } satisfies ChildMessage,
        undefined,
        {},
        error => (error ? reject(error) : resolve()),
      ),
    );
  } finally {
    await db.remove();
  }
}

/**
 * Each database in a fresh child process, so the first run's memory growth
 * starts from a cold heap for both and neither inherits the other's JIT.
 */
function inChildProcess(name: string): Promise<DatabaseFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--database', name], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let figures: DatabaseFigures | undefined;
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'figures') figures = message.figures;
    });
    child.once('error', reject);
    child.once('exit', code =>
      figures && code === 0
        ? resolve(figures)
        : reject(new Error(`The ${name} benchmark exited with ${code}`)),
    );
  });
}

async function main() {
  const { expected } = generateCatalog(ENTITIES);
  console.log(
    [
      `Readiness evaluation: ${ENTITIES} Components (+ ${GROUPS} Groups, ${USERS} Users, ${SYSTEMS} Systems) through the CatalogApi interface, in memory`,
      '  checks: owner, source, on-call, docs, tagged (config-defined, JSONPath)',
      `  failing by construction: ${Object.entries(expected)
        .map(([check, count]) => `${check} ${count}`)
        .join(', ')}`,
    ].join('\n'),
  );
  const unknown = DATABASES.filter(
    name => !['postgres', 'sqlite'].includes(name),
  );
  if (unknown.length > 0) {
    throw new Error(`BENCH_DATABASES: postgres and/or sqlite, not ${unknown}`);
  }
  const figures: DatabaseFigures[] = [];
  for (const name of DATABASES) {
    console.log(`\n${name === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
    figures.push(await inChildProcess(name));
  }
  figures.forEach(report);
  console.log([].join('\n'));
}

const databaseArgument = process.argv.indexOf('--database');
if (databaseArgument >= 0) {
  // Ctrl-C reaches the child too, and the parent may be gone: drop the
  // database before leaving.
  const abandon = async () => {
    for (const cleanup of [...abandons]) await cleanup().catch(() => {});
    process.exit(130);
  };
  process.once('SIGINT', abandon);
  process.once('SIGTERM', abandon);
  process.once('disconnect', abandon);
  runOneDatabase(process.argv[databaseArgument + 1]).then(
    () => process.exit(0),
    async error => {
      console.error(error);
      for (const cleanup of [...abandons]) await cleanup().catch(() => {});
      process.exit(1);
    },
  );
} else {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
