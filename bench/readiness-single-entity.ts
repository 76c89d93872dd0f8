/*
 * Single-entity readiness over HTTP, against Backstage Tech Insights on the
 * same backend, catalog and entities: how long a person waits for one
 * entity's checks after pressing "evaluate".
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/readiness-single-entity.ts
 *
 * One real backend runs in a child process: the catalog reading the
 * generated catalog from a YAML file, the quality-gates plugin, and Tech
 * Insights with its JSON rules fact checker, static-token auth, every plugin
 * in a schema of one fresh PostgreSQL database. Each side is called as a
 * person's page calls it, with a signed-in user's token (the auth backend's
 * guest provider signs in a User of the catalog), and, for reference, with
 * a static service token. The two sides do different
 * work for one entity, and the output says so: ours reads the entity and its
 * owner's kind from the catalog live, evaluates, stores the result (and a
 * history point when it changed) and answers with it; Tech Insights
 * evaluates its JSON rules on facts its retrievers collected beforehand
 * (triggered once here, over the whole catalog, and timed) and stores
 * nothing.
 */
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import { CatalogClient } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
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
import { generateCatalog, readinessConfig } from './lib/readinessCatalog';
import {
  BackendChildMessage,
  benchBackendConfig,
  forkBackend,
  stopBackend,
} from './lib/backendProcess';
import { runBench } from './lib/runBench';
import { median, percentile } from './lib/statistics';
import { seededRandom } from './lib/seededRandom';

/** Components in the catalog; Groups, Users and Systems come on top. */
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
/** Entities timed on each side, interleaved. */
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
/** Uncounted calls on each side first (JIT, pools, caches). */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 30);
/** How long an on-demand evaluation reuses owner and system kinds (0: never). */
const KIND_CACHE_SECONDS = Number(
  process.env.BENCH_OWNER_SYSTEM_CACHE_SECONDS ?? 60,
);
const TOKEN = 'bench-static-token';
/** The catalog User the guest provider signs in (readinessCatalog's first). */
const SIGNED_IN_USER = 'user:default/user-0';
const TARGET_RATIO = 0.5;
/** A cron that waits for the new year: retrievers run only when triggered. */
const NOT_BEFORE_TRIGGERED = '0 0 1 1 *';

const OUR_TASK = 'quality-gates-readiness-evaluation';
const SOURCE_ANNOTATIONS = [
  'github.com/project-slug',
  'backstage.io/source-location',
];
const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'opsgenie.com/component-selector',
];

/**
 * Tech Insights has no built-in source or on-call facts: this retriever
 * adds them the way its built-in ones are written (the whole catalog in one
 * request, one boolean per annotation group).
 */
const annotationsFactRetriever: FactRetriever = {
  id: 'benchAnnotationsFactRetriever',
  version: '0.0.1',
  title: 'Source and on-call annotations',
  entityFilter: [{ kind: 'component' }],
  schema: {
    hasSourceLocation: {
      type: 'boolean',
      description: 'A source location or repository annotation is set',
    },
    hasOnCall: {
      type: 'boolean',
      description: 'A PagerDuty or Opsgenie annotation is set',
    },
  },
  async handler({ discovery, entityFilter, auth }) {
    const { token } = await auth!.getPluginRequestToken({
      onBehalfOf: await auth!.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const { items } = await new CatalogClient({
      discoveryApi: discovery,
    }).getEntities({ filter: entityFilter }, { token });
    const hasAny = (entity: Entity, names: string[]) =>
      names.some(name => Boolean(entity.metadata.annotations?.[name]));
    return items.map(entity => ({
      entity: {
        namespace: entity.metadata.namespace ?? 'default',
        kind: entity.kind,
        name: entity.metadata.name,
      },
      facts: {
        hasSourceLocation: hasAny(entity, SOURCE_ANNOTATIONS),
        hasOnCall: hasAny(entity, ON_CALL_ANNOTATIONS),
      },
    }));
  },
};

/** Our check id, its Tech Insights twin's retriever and fact. */
const TWIN_CHECKS = [
  {
    id: 'owner',
    retriever: 'entityOwnershipFactRetriever',
    fact: 'hasGroupOwner',
  },
  {
    id: 'source',
    retriever: annotationsFactRetriever.id,
    fact: 'hasSourceLocation',
  },
  { id: 'on-call', retriever: annotationsFactRetriever.id, fact: 'hasOnCall' },
  {
    id: 'docs',
    retriever: 'techdocsFactRetriever',
    fact: 'hasAnnotationBackstageIoTechdocsRef',
  },
  { id: 'tagged', retriever: 'entityMetadataFactRetriever', fact: 'hasTags' },
];
const RETRIEVERS = [...new Set(TWIN_CHECKS.map(check => check.retriever))];

const techInsightsConfig = {
  factRetrievers: Object.fromEntries(
    RETRIEVERS.map(id => [
      id,
      { cadence: NOT_BEFORE_TRIGGERED, timeout: { minutes: 10 } },
    ]),
  ),
  factChecker: {
    checks: Object.fromEntries(
      TWIN_CHECKS.map(({ id, retriever, fact }) => [
        id,
        {
          type: 'json-rules-engine',
          name: id,
          description: `${fact} is true`,
          factIds: [retriever],
          rule: {
            conditions: { all: [{ fact, operator: 'equal', value: true }] },
          },
        },
      ]),
    ),
  },
};

// ---------------------------------------------------------------- backend --

/** In the child: the backend, until the parent says stop. */
async function serve() {
  const { createBackend } = await import('@backstage/backend-defaults');
  const { coreServices, createBackendModule, createServiceFactory } =
    await import('@backstage/backend-plugin-api');
  const { techInsightsFactRetrieversExtensionPoint } = await import(
    '@backstage-community/plugin-tech-insights-node'
  );
  const port = Number(process.env.BENCH_BACKEND_PORT);
  const config = new ConfigReader({
    backend: benchBackendConfig({
      port,
      databaseUrl: process.env.BENCH_DATABASE_URL!,
      token: TOKEN,
    }),
    catalog: {
      ...catalogConfigFor(process.env.BENCH_CATALOG_FILE!),
      // Not re-processing every entity every few seconds while timing: a
      // catalog re-processes each entity every few minutes.
      processingInterval: { minutes: 10 },
    },
    qualityGates: {
      readiness: {
        ...readinessConfig.qualityGates.readiness,
        // Catalog checks only, as Tech Insights' twins: no Prometheus here.
        checks: { alerts: { enabled: false }, dashboards: { enabled: false } },
        ownerSystemCacheSeconds: KIND_CACHE_SECONDS,
        // One early run on a partial catalog, then only when triggered (a
        // task still in its initial delay ignores triggers).
        initialDelay: { seconds: 1 },
        frequency: { days: 1 },
      },
    },
    techInsights: techInsightsConfig,
    // A person signs in (as a User of the catalog) and calls with that
    // user's token, as the entity page does.
    app: { baseUrl: `http://127.0.0.1:${port}` },
    auth: {
      providers: {
        guest: {
          userEntityRef: SIGNED_IN_USER,
          dangerouslyAllowOutsideDevelopment: true,
        },
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
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@can-i-deploy/plugin-quality-gates-backend'));
  backend.add(import('@backstage-community/plugin-tech-insights-backend'));
  backend.add(
    import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
  );
  backend.add(
    createBackendModule({
      pluginId: 'tech-insights',
      moduleId: 'bench-annotations',
      register(env) {
        env.registerInit({
          deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
          async init({ retrievers }) {
            retrievers.addFactRetrievers({
              [annotationsFactRetriever.id]: annotationsFactRetriever,
            });
          },
        });
      },
    }),
  );
  await backend.start();
  // A parent gone without saying stop (killed) takes the backend with it.
  process.once('disconnect', () => process.exit(1));
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'stop') {
      await backend.stop();
      process.exit(0);
    }
  });
  process.send!({ type: 'ready' } satisfies BackendChildMessage);
}

async function startBackend(databaseUrl: string, catalogFile: string) {
  const port = await benchPort('BENCH_BACKEND_PORT');
  const child = await forkBackend(__filename, {
    BENCH_BACKEND_PORT: String(port),
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_CATALOG_FILE: catalogFile,
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

// ------------------------------------------------------------------- HTTP --

async function call(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token: string = TOKEN,
): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** Signs in as the page's user does (the guest provider) for a user token. */
async function signedInUserToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string; identity: { userEntityRef: string } };
  };
  if (body.backstageIdentity.identity.userEntityRef !== SIGNED_IN_USER) {
    throw new Error(`sign-in: signed in as ${JSON.stringify(body)}`);
  }
  return body.backstageIdentity.token;
}

/**
 * Triggers scheduled tasks of a plugin (through the scheduler's own routes)
 * and waits until each has run once; returns how long that took.
 */
async function runTasks(baseUrl: string, pluginId: string, taskIds: string[]) {
  const tasksPath = `/api/${pluginId}/.backstage/scheduler/v1/tasks`;
  const started = performance.now();
  const triggeredAt = Date.now();
  for (const id of taskIds) {
    await call(baseUrl, 'POST', `${tasksPath}/${id}/trigger`);
  }
  for (;;) {
    const { tasks } = await call(baseUrl, 'GET', tasksPath);
    const states = taskIds.map(
      id => tasks.find((task: any) => task.taskId === id)?.taskState,
    );
    const failed = states.find(state => state?.lastRunError);
    if (failed) throw new Error(`A task failed: ${failed.lastRunError}`);
    const ranSince = (state: any) =>
      state?.status === 'idle' &&
      Date.parse(state.lastRunEndedAt ?? '') >= triggeredAt;
    if (states.every(ranSince)) {
      return performance.now() - started;
    }
    if (performance.now() - started > 15 * 60_000) {
      throw new Error(
        `The ${pluginId} tasks did not run within 15 minutes: ${JSON.stringify(
          tasks,
        )}`,
      );
    }
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(tasks));
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

function ourEvaluation(baseUrl: string, token: string, entityRef: string) {
  return call(
    baseUrl,
    'POST',
    `/api/quality-gates/readiness/entity/evaluate?entityRef=${encodeURIComponent(
      entityRef,
    )}`,
    undefined,
    token,
  );
}

/** A GET answered from memory: what each plugin's HTTP path costs alone. */
async function plainGet(baseUrl: string, token: string, path: string) {
  await call(baseUrl, 'GET', path, undefined, token);
}

/** The catalog's own lookup of the entity, as our plugin asks for it. */
async function catalogLookup(baseUrl: string, token: string, entity: Entity) {
  const { namespace = 'default', name } = entity.metadata;
  const response = await fetch(
    `${baseUrl}/api/catalog/entities/by-name/${entity.kind}/${namespace}/${name}`,
    {
      headers: {
        authorization: `Bearer ${token}`,
        'accept-encoding': 'identity',
      },
    },
  );
  if (!response.ok) throw new Error(`catalog lookup: ${response.status}`);
  await response.text();
}

function techInsightsRun(baseUrl: string, token: string, entity: Entity) {
  const { namespace = 'default', name } = entity.metadata;
  return call(
    baseUrl,
    'POST',
    `/api/tech-insights/checks/run/${namespace}/${entity.kind}/${name}`,
    { checks: TWIN_CHECKS.map(check => check.id) },
    token,
  );
}

/**
 * Both sides must agree on the checks that mean the same (all but owner:
 * ours also needs the owning Group to exist in the catalog).
 */
function compareOutcomes(ours: any, theirs: any[], entityRef: string) {
  for (const { id } of TWIN_CHECKS) {
    const our = ours.checks.find((check: any) => check.id === id)?.result;
    const their = theirs.find(result => result.check.id === id);
    if (!our || !their) {
      throw new Error(`${entityRef}: no result for ${id} on one side`);
    }
    if (id !== 'owner' && (our.state === 'passed') !== their.result) {
      throw new Error(
        `${entityRef}: ${id} is ${our.state} here, ${their.result} in Tech Insights`,
      );
    }
  }
}

// -------------------------------------------------------------- measuring --

async function timed<T>(work: () => Promise<T>) {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

const millis = (ms: number) => `${ms.toFixed(1)} ms`;

/** Distinct components, the same ones on every run. */
function sampleOf(components: Entity[], count: number): Entity[] {
  const random = seededRandom(20261207);
  const picked = new Set<number>();
  while (picked.size < Math.min(count, components.length)) {
    picked.add(Math.floor(random() * components.length));
  }
  return [...picked].map(index => components[index]);
}

const cleanups = new Set<() => Promise<void>>();

/** Stops the backend, drops the database, removes the file: newest first. */
async function cleanUp() {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    await cleanup().catch(error => console.error(error));
  }
}

async function main() {
  try {
    await measure();
  } finally {
    await cleanUp();
  }
}

async function measure() {
  const { entities } = generateCatalog(ENTITIES);
  const components = entities.filter(e => e.kind === 'Component');
  const catalogFile = writeCatalogFile(entities);
  cleanups.add(catalogFile.remove);

  const databaseName = benchDatabaseName('readiness_single');
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
  });
  await admin.raw('CREATE DATABASE ??', [databaseName]);
  cleanups.add(async () => {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [databaseName]);
    await admin.destroy();
  });

  console.log(
    [
      `Single-entity readiness over HTTP: ${ENTITIES} Components (+ Groups, Users, Systems) in a YAML catalog file`,
      `  one backend: catalog, quality-gates, Tech Insights + JSON rules fact checker, auth with the guest provider; PostgreSQL database ${databaseName}`,
      `  owner and system kinds reused for ${KIND_CACHE_SECONDS} s (qualityGates.readiness.ownerSystemCacheSeconds)`,
    ].join('\n'),
  );
  const { child, baseUrl } = await startBackend(
    `${POSTGRES_URL}/${databaseName}`,
    catalogFile.file,
  );
  cleanups.add(() => stopBackend(child));

  const catalogStarted = performance.now();
  await waitForCatalogEntities(baseUrl, TOKEN, entities);
  console.log(
    `  catalog served all ${entities.length} entities after ${(
      (performance.now() - catalogStarted) /
      1000
    ).toFixed(0)} s`,
  );

  // Both sides' background passes, one after the other, before timing:
  // ours stores every entity's result; Tech Insights stores its facts.
  await runTasks(baseUrl, 'quality-gates', [OUR_TASK]);
  await runTasks(baseUrl, 'tech-insights', RETRIEVERS);

  const callers: Caller[] = [
    {
      name: 'a signed-in user (as the entity page calls)',
      token: await signedInUserToken(baseUrl),
      timings: newTimings(),
    },
    {
      name: 'a static service token (for reference)',
      token: TOKEN,
      timings: newTimings(),
    },
  ];
  const sample = sampleOf(components, SAMPLE + WARM_UP);
  const warmUp = sample.slice(SAMPLE);
  const timedSample = sample.slice(0, SAMPLE);
  for (const entity of warmUp) {
    for (const caller of callers) {
      await measureOne(baseUrl, caller, entity, 0, newTimings());
    }
  }

  // Interleaved, the first caller and the first side alternating, so both
  // sides see the same load.
  for (const [index, entity] of timedSample.entries()) {
    const order = index % 4 < 2 ? callers : [...callers].reverse();
    for (const caller of order) {
      await measureOne(baseUrl, caller, entity, index, caller.timings);
    }
  }

  const lines = [
    '',
    `${SAMPLE} Components, each evaluated once on each side by each caller after ${WARM_UP} uncounted, interleaved:`,
    `  ours          POST /api/quality-gates/readiness/entity/evaluate`,
    '    reads the entity and its owner and system kinds from the catalog, evaluates 5 checks,',
    '    stores the result (a history point when it changed), answers with it',
    `  Tech Insights POST /api/tech-insights/checks/run/:namespace/:kind/:name`,
    '    evaluates 5 JSON rules checks on facts its retrievers collected beforehand; reads no catalog, stores nothing',
  ];
  for (const [index, { name, timings }] of callers.entries()) {
    const { ours, theirs, lookups, ourFloor, theirFloor } = timings;
    const ratio = median(ours) / median(theirs);
    const floor = median(ourFloor) + median(lookups);
    lines.push(
      '',
      `  called by ${name}:`,
      `    ours median ${millis(median(ours))}, p95 ${millis(
        percentile(ours, 0.95),
      )}; Tech Insights median ${millis(median(theirs))}, p95 ${millis(
        percentile(theirs, 0.95),
      )}`,
      `    for reference, the catalog's own lookup of the entity (GET /api/catalog/entities/by-name/…, uncompressed),`,
      `      which ours needs to evaluate it: median ${millis(
        median(lookups),
      )}, p95 ${millis(percentile(lookups, 0.95))}`,
      `    for reference, a GET answered from memory (auth, routing, JSON): ours /readiness/checks median ${millis(
        median(ourFloor),
      )}, Tech Insights /checks median ${millis(median(theirFloor))}`,
      `    so no evaluation that reads the entity live can answer in less than the HTTP path plus that lookup:`,
      `      ${millis(floor)}, ${(floor / median(theirs)).toFixed(
        2,
      )} × Tech Insights' median`,
      `    ratio ours / Tech Insights, medians: ${ratio.toFixed(2)}${
        index === 0
          ? ` (target <= ${TARGET_RATIO}: ${
              ratio <= TARGET_RATIO ? 'met' : 'MISSED'
            })`
          : ''
      }; p95s: ${(percentile(ours, 0.95) / percentile(theirs, 0.95)).toFixed(
        2,
      )}`,
    );
  }
  lines.push(
    '',
    `  source, on-call, docs and tagged agreed on every entity; owner differs by design`,
    '    (Tech Insights: spec.owner set and not a user; ours: an existing Group)',
    '',
    `machine: ${machineLine()}`,
  );
  console.log(lines.join('\n'));
}

/** Milliseconds of each call a caller made. */
interface Timings {
  ours: number[];
  theirs: number[];
  lookups: number[];
  ourFloor: number[];
  theirFloor: number[];
}

interface Caller {
  name: string;
  token: string;
  timings: Timings;
}

function newTimings(): Timings {
  return { ours: [], theirs: [], lookups: [], ourFloor: [], theirFloor: [] };
}

/**
 * One entity, as one caller: the catalog lookup and both plugins' GETs
 * from memory for reference, then both sides' evaluation (which goes first
 * alternates with `index`), which must agree.
 */
async function measureOne(
  baseUrl: string,
  { token }: Caller,
  entity: Entity,
  index: number,
  timings: Timings,
) {
  const entityRef = stringifyEntityRef(entity);
  const runOurs = async () => {
    const { ms, result } = await timed(() =>
      ourEvaluation(baseUrl, token, entityRef),
    );
    timings.ours.push(ms);
    return result;
  };
  const runTheirs = async () => {
    const { ms, result } = await timed(() =>
      techInsightsRun(baseUrl, token, entity),
    );
    timings.theirs.push(ms);
    return result;
  };
  timings.lookups.push(
    (await timed(() => catalogLookup(baseUrl, token, entity))).ms,
  );
  timings.ourFloor.push(
    (
      await timed(() =>
        plainGet(baseUrl, token, '/api/quality-gates/readiness/checks'),
      )
    ).ms,
  );
  timings.theirFloor.push(
    (await timed(() => plainGet(baseUrl, token, '/api/tech-insights/checks')))
      .ms,
  );
  if (index % 2 === 0) {
    const our = await runOurs();
    compareOutcomes(our, await runTheirs(), entityRef);
  } else {
    const their = await runTheirs();
    compareOutcomes(await runOurs(), their, entityRef);
  }
}

if (process.argv.includes('--serve')) {
  serve().catch(error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    process.exit(1);
  });
} else {
  // On Ctrl-C runBench runs what cleanUp has not run yet.
  runBench(main, cleanups);
}
