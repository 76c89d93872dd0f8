/*
 * Replay benchmark of the `compare` criterion: many synthetic services —
 * clean ones with realistic noise, injected regressions, and versions with
 * very little traffic, as canaries and as rolling deploys — backfilled
 * into a real Prometheus. Each version is then asked about as CI asks: every
 * minute from its deploy until the gate of two compare criteria (error
 * ratio, latency histogram) decides or an hour has passed, with traffic
 * still arriving. The same loop is judged, on the very same figures, by the
 * fixed-sample judges the criterion used before (the baseline of the run).
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/compare-replay.ts
 *
 * It reports sensitivity, specificity, low-traffic versions passed, time to
 * decision and how soon decisive regressions fail, per method, against the
 * targets. A missed target is reported, not an error: the script exits
 * non-zero only when it fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import {
  PrometheusServer,
  startPrometheus,
} from '../plugins/quality-gates-backend/src/__testUtils__/prometheusServer';
import { applyDatabaseMigrations } from '../plugins/quality-gates-backend/src/database/migrations';
import { DatabaseDeploymentStore } from '../plugins/quality-gates-backend/src/deployments/DatabaseDeploymentStore';
import { createCompareCriterionSource } from '../plugins/quality-gates-backend/src/gates/sources/compare';
import { look } from './compare-replay/judges';
import { METHODS, Outcome, Row, report } from './compare-replay/report';
import { writeOpenMetricsFile } from './compare-replay/sampling';
import {
  ENVIRONMENT,
  GATE_WINDOW_SECONDS,
  HORIZON_SECONDS,
  LEAD_SECONDS,
  LOOK_EVERY_SECONDS,
  Service,
  generateServices,
  trueChange,
} from './compare-replay/scenarios';
import { seededRandom as random } from './lib/seededRandom';
import { runBench } from './lib/runBench';

/** How many synthetic services are generated and judged. */
const SERVICES = Number(process.env.BENCH_SERVICES ?? 120);
/** Seed of the generator: the same seed replays the same data. */
const SEED = Number(process.env.BENCH_SEED ?? 9);
/** Versions asked about at once (each asks its looks in order). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

const logger: LoggerService = {
  error: (message, meta) => console.error(message, meta ?? ''),
  warn: (message, meta) => console.warn(message, meta ?? ''),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

/** Cleanups still due, run on failure or interruption too. */
const abandons = new Set<() => Promise<void>>();

/** SQLite on a temporary file: the deployments table, with the plugin's migrations. */
async function createDeploymentsDatabase(services: Service[]) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-'));
  const knex: Knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'compare.sqlite') },
    useNullAsDefault: true,
  });
  const remove = async () => {
    await knex.destroy();
    fs.rmSync(directory, { recursive: true, force: true });
    abandons.delete(remove);
  };
  abandons.add(remove);
  await applyDatabaseMigrations(knex);
  // Rolling deploys need the version before; canaries are found by traffic.
  await new DatabaseDeploymentStore(knex).upsertDeployments(
    services
      .filter(s => s.style === 'rolling')
      .flatMap(s =>
        [
          { version: 'v1', startedAt: s.deployedAt - 3 * 3600 },
          { version: 'v2', startedAt: s.deployedAt },
        ].map(d => ({
          source: 'bench',
          externalId: `${s.name}-${d.version}`,
          entityRef: `component:default/${s.name}`,
          environment: ENVIRONMENT,
          version: d.version,
          status: 'succeeded' as const,
          startedAt: iso(d.startedAt),
          finishedAt: iso(d.startedAt + 60),
        })),
      ),
  );
  return { knex, remove };
}

/**
 * The CI loop over one version: a look a minute after the deploy, and every
 * minute after, until each method has decided or the hour is over.
 */
async function replay(
  source: CriterionSource,
  service: Service,
  evaluationMs: number[],
): Promise<Row> {
  const outcomes: Partial<Record<(typeof METHODS)[number], Outcome>> = {};
  const looks = HORIZON_SECONDS / LOOK_EVERY_SECONDS;
  for (let k = 1; k <= looks; k++) {
    const lookEnd = service.deployedAt + k * LOOK_EVERY_SECONDS;
    const result = await look(source, service, lookEnd);
    evaluationMs.push(result.ms);
    const minutes = (k * LOOK_EVERY_SECONDS) / 60;
    for (const method of METHODS) {
      if (outcomes[method]) continue;
      const seen = result[method];
      if (seen.answer !== 'not-yet' || k === looks) {
        outcomes[method] = {
          answer: seen.answer === 'not-yet' ? 'undecided' : seen.answer,
          minutes,
          states: seen.states,
          reasons: seen.reasons,
        };
      }
    }
    if (METHODS.every(method => outcomes[method])) break;
  }
  return { service, outcomes: outcomes as Row['outcomes'] };
}

async function main() {
  const startedAt = performance.now();
  // The hour of looks ends a minute ago: Prometheus accepts the backfill.
  const end = Math.floor(Date.now() / 60_000) * 60 - 60;
  const deployedAt = end - HORIZON_SECONDS;
  const rng = random(SEED);
  const services = generateServices(SERVICES, deployedAt, rng);

  let generated = performance.now();
  const origin = deployedAt - GATE_WINDOW_SECONDS - LEAD_SECONDS;
  for (const service of services) service.truth = trueChange(service, origin);
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-replay-'));
  const removeData = async () => {
    fs.rmSync(dataDirectory, { recursive: true, force: true });
    abandons.delete(removeData);
  };
  abandons.add(removeData);
  const openMetricsFile = path.join(dataDirectory, 'replay.om');
  const written = await writeOpenMetricsFile(
    services,
    origin,
    rng,
    openMetricsFile,
  );
  console.log(
    `Generated ${
      services.length
    } services (seed ${SEED}): ${written.samples.toLocaleString(
      'en-US',
    )} samples, ${(written.bytes / 1e6).toFixed(1)} MB of OpenMetrics in ${(
      (performance.now() - generated) /
      1000
    ).toFixed(1)} s`,
  );

  generated = performance.now();
  let prometheus: PrometheusServer | undefined;
  let database:
    | Awaited<ReturnType<typeof createDeploymentsDatabase>>
    | undefined;
  try {
    [prometheus, database] = await Promise.all([
      startPrometheus({ openMetricsFile }).then(server => {
        abandons.add(server.stop);
        return server;
      }),
      createDeploymentsDatabase(services),
    ]);
    console.log(
      `Backfilled with promtool and started Prometheus in ${(
        (performance.now() - generated) /
        1000
      ).toFixed(1)} s`,
    );
    const source = createCompareCriterionSource({
      config: new ConfigReader({
        qualityGates: {
          gates: { prometheus: { baseUrl: prometheus.baseUrl } },
        },
      }),
      logger,
      knex: database.knex,
    });
    if (!source) throw new Error('the compare source was not created');

    // Uncounted looks warm Prometheus' caches and the JIT.
    for (const service of services.slice(0, 5)) {
      await look(source, service, service.deployedAt + 10 * 60);
    }
    const evaluationMs: number[] = [];
    const rows: Row[] = new Array(services.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < services.length) {
          const index = next++;
          rows[index] = await replay(source, services[index], evaluationMs);
        }
      }),
    );
    report(rows, evaluationMs);
    console.log(
      `\nTotal ${((performance.now() - startedAt) / 1000).toFixed(1)} s, ${
        evaluationMs.length
      } looks; load average ${os
        .loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (prometheus) {
      await prometheus.stop();
      abandons.delete(prometheus.stop);
    }
    await database?.remove();
    await removeData();
  }
}

runBench(main, abandons);
