import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { TestBackend, TestDatabases } from '@backstage/backend-test-utils';
import {
  capturePluginDatabase,
  STATIC_TOKEN,
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';

// The can-i-deploy CLI run as a child process, as a CI job runs it, against
// a real backend on a real port with real authentication: its output and
// exit codes for each verdict, HTTP and network failures, --json and --wait.
// Gates use built-in sources on real rows (pipeline runs, deployments), no
// telemetry provider. One database is enough: storage is tested elsewhere,
// and each CLI run starts a Node process.

jest.setTimeout(120_000);

const CLI = path.resolve(
  __dirname,
  '../../../../packages/cli/bin/can-i-deploy',
);
const CHECKOUT = 'component:default/checkout';
const BUILT = 'abc123';
const NOT_BUILT = 'def456';

const gateConfig = {
  qualityGates: {
    gates: {
      deadlineSeconds: 10,
      definitions: [
        {
          id: 'release',
          title: 'Release checks',
          environments: ['production'],
          criteria: [{ key: 'ci', source: 'pipeline', keyCriterion: true }],
        },
        {
          id: 'staging-watch',
          title: 'Watched in staging',
          environments: ['staging'],
          mode: 'warn-only',
          criteria: [{ key: 'ci', source: 'pipeline' }],
        },
        {
          id: 'short-soak',
          title: 'A short soak in staging',
          environments: ['canary'],
          criteria: [
            {
              key: 'soak',
              source: 'wait-timer',
              environment: 'staging',
              // Long enough that the CLI's first question, process start
              // included, comes before the soak ends on a busy machine.
              pass: ['>= 8'],
            },
          ],
        },
        {
          id: 'long-soak',
          title: 'An hour in staging',
          environments: ['preprod'],
          criteria: [
            {
              key: 'soak',
              source: 'wait-timer',
              environment: 'staging',
              pass: ['>= 3600'],
            },
          ],
        },
      ],
    },
  },
};

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's bin with Node, without a terminal (so without colour). */
function runCli(args: string[]): Promise<CliRun> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          QUALITY_GATES_API_TOKEN: STATIC_TOKEN,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({
          code: typeof code === 'number' ? code : -1,
          stdout: String(stdout),
          stderr: String(stderr),
        });
      },
    );
  });
}

describe('can-i-deploy against a running backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let url: string;
    let stopped = false;
    const database = capturePluginDatabase();

    const evaluate = (
      environment: string,
      version: string,
      ...extra: string[]
    ) =>
      runCli([
        '--url',
        url,
        'evaluate',
        '--entity',
        CHECKOUT,
        '--environment',
        environment,
        '--version',
        version,
        ...extra,
      ]);

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        realAuth: true,
        config: gateConfig,
        features: [database.feature],
      });
      await waitForCatalog(backend, `Bearer ${STATIC_TOKEN}`, ['checkout']);
      url = `http://localhost:${
        (backend.server.address() as AddressInfo).port
      }`;
      const now = new Date();
      await database.knex()('pipeline_runs').insert({
        id: 'run-checkout',
        source: 'test',
        external_id: 'run-checkout',
        entity_ref: CHECKOUT,
        pipeline_name: 'ci',
        sha: BUILT,
        result: 'success',
        started_at: now,
        finished_at: now,
        created_at: now,
        updated_at: now,
      });
    });

    afterAll(async () => {
      if (!stopped) await backend?.stop();
    });

    /** Deploys `version` of checkout to staging now: its soak starts. */
    async function deployToStaging(version: string) {
      const now = new Date();
      await database
        .knex()('deployments')
        .insert({
          id: `deploy-${version}`,
          source: 'test',
          external_id: `deploy-${version}`,
          entity_ref: CHECKOUT,
          environment: 'staging',
          version,
          artifact: null,
          actor: 'ci',
          status: 'succeeded',
          started_at: now,
          finished_at: now,
          created_at: now,
          updated_at: now,
        });
    }

    it('exits 0 on pass and prints the verdict and the evidence', async () => {
      const run = await evaluate('production', BUILT);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe(
        `Yes: Release checks passes for ${BUILT} in production.`,
      );
      expect(lines[1]).toBe(
        `Can I deploy? PASS - ${CHECKOUT} to production at ${BUILT}`,
      );
      expect(run.stdout).toContain(
        'Gate release "Release checks": mode enforce, verdict pass, score 100',
      );
      const ciRow = lines.find(line => line.includes('ci (key)'))!;
      expect(ciRow).toMatch(/\bpass\b/);
      expect(ciRow).toContain('pass >= 1');
      // Not a terminal: no colour codes in a CI log.
      expect(run.stdout).not.toContain('\u001b[');
    });

    it('exits 1 on fail, with the reason of the failing criterion', async () => {
      const run = await evaluate('production', NOT_BUILT);
      expect(run.code).toBe(1);
      expect(run.stdout.split('\n')[0]).toMatch(/^No: Release checks fails/);
      expect(run.stdout.split('\n')[1]).toContain('Can I deploy? FAIL');
      const ciRow = run.stdout
        .split('\n')
        .find(line => line.includes('ci (key)'))!;
      expect(ciRow).toContain('no_data');
      expect(ciRow).toContain(`no data: no CI run built ${NOT_BUILT} yet`);
    });

    it('exits 0 on warn, or 3 with --fail-on-warn', async () => {
      const warned = await evaluate('staging', NOT_BUILT);
      expect(warned.code).toBe(0);
      expect(warned.stdout.split('\n')[1]).toContain('Can I deploy? WARN');
      expect(warned.stdout).toContain('mode warn-only, verdict fail -> warn');
      const strict = await evaluate('staging', NOT_BUILT, '--fail-on-warn');
      expect(strict.code).toBe(3);
      expect(strict.stdout.split('\n')[1]).toContain('Can I deploy? WARN');
    });

    it('exits 2 with the problem when no gate applies', async () => {
      const run = await evaluate('nowhere', BUILT);
      expect(run.code).toBe(2);
      expect(run.stdout.split('\n')[1]).toContain('Can I deploy? ERROR');
      expect(run.stdout).toContain('problem:');
    });

    it("exits 2 with the server's message for an unknown entity or a wrong token", async () => {
      const unknown = await runCli([
        '--url',
        url,
        'evaluate',
        '--entity',
        'component:default/does-not-exist',
        '--environment',
        'production',
        '--version',
        BUILT,
      ]);
      expect(unknown.code).toBe(2);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toContain('HTTP 404');
      expect(unknown.stderr).toContain(
        'component:default/does-not-exist was not found in the catalog',
      );

      const wrongToken = await runCli([
        '--url',
        url,
        '--token',
        'not-the-configured-token',
        'evaluate',
        '--entity',
        CHECKOUT,
        '--environment',
        'production',
        '--version',
        BUILT,
      ]);
      expect(wrongToken.code).toBe(2);
      expect(wrongToken.stderr).toContain('HTTP 401');
      expect(wrongToken.stderr).not.toContain('not-the-configured-token');
    });

    it("prints exactly the API's answer with --json", async () => {
      const run = await evaluate('production', BUILT, '--json');
      expect(run.code).toBe(0);
      const answer = JSON.parse(run.stdout);
      expect(Object.keys(answer).sort()).toEqual([
        'answer',
        'decidedAt',
        'entityRef',
        'environment',
        'evaluations',
        'id',
        'problems',
        'requestedBy',
        'sentence',
        'trigger',
        'verdict',
        'version',
      ]);
      expect(answer).toMatchObject({
        answer: 'yes',
        requestedBy: 'service:ci-pipelines',
        entityRef: CHECKOUT,
        environment: 'production',
        version: BUILT,
        verdict: 'pass',
        problems: [],
      });
      expect(answer.evaluations).toHaveLength(1);
      // The evaluation as the API stored it, field for field.
      for (const evaluation of answer.evaluations) {
        const stored = await request(backend.server)
          .get(`/api/quality-gates/gates/evaluations/${evaluation.id}`)
          .set('Authorization', `Bearer ${STATIC_TOKEN}`);
        expect(stored.status).toBe(200);
        expect(evaluation).toEqual(stored.body);
      }
    });

    it('waits with --wait until a soak is decided', async () => {
      await deployToStaging(BUILT);
      const started = Date.now();
      const run = await evaluate(
        'canary',
        BUILT,
        '--wait',
        '--max-wait',
        '30s',
      );
      expect(run.code).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(7_000);
      expect(run.stderr).toMatch(
        /^can-i-deploy: not yet( after \S+)? - short-soak\/soak: in staging .*; not yet, ask again at .*; may decide at \S+; asking again in /,
      );
      expect(run.stdout.split('\n')[1]).toContain('Can I deploy? PASS');
      // Soaked now: the same question passes without waiting.
      const soaked = await evaluate('canary', BUILT);
      expect(soaked.code).toBe(0);
    });

    it('gives up waiting at --max-wait with exit 4', async () => {
      await deployToStaging(NOT_BUILT);
      const run = await evaluate(
        'preprod',
        NOT_BUILT,
        '--wait',
        '--max-wait',
        '2s',
      );
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(
        /not yet( after \S+)? - long-soak\/soak: in staging /,
      );
      expect(run.stderr).toContain(
        'still not yet after waiting 2s (--max-wait) for long-soak/soak; giving up (exit 4)',
      );
      expect(run.stdout.split('\n')[0]).toMatch(
        /^Not yet: An hour in staging cannot decide yet — in staging .* of the required 1 h; ask again after /,
      );
    });

    it('exits 0 with the overridden line once an override applies, 1 after it is revoked', async () => {
      expect((await evaluate('production', NOT_BUILT)).code).toBe(1);
      const override = await request(backend.server)
        .post('/api/quality-gates/gates/overrides')
        .set('Authorization', `Bearer ${STATIC_TOKEN}`)
        .send({
          entityRef: CHECKOUT,
          environment: 'production',
          version: NOT_BUILT,
          reason: 'CI outage, built and tested by hand',
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        });
      expect(override.status).toBe(201);

      const run = await evaluate('production', NOT_BUILT);
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toMatch(
        /^Yes: Release checks fails but is overridden by service:ci-pipelines until .+ UTC because CI outage, built and tested by hand\.$/,
      );
      expect(lines[1]).toBe(
        `Can I deploy? PASS (from an override) - ${CHECKOUT} to production at ${NOT_BUILT}`,
      );
      expect(run.stdout).toContain(
        'mode enforce, verdict fail -> pass, score 0',
      );
      expect(run.stdout).toMatch(
        /\n {2}fail, overridden to pass by service:ci-pipelines because CI outage, built and tested by hand, until \d{4}-\d\d-\d\d \d\d:\d\d UTC\n/,
      );

      await request(backend.server)
        .post(`/api/quality-gates/gates/overrides/${override.body.id}/revoke`)
        .set('Authorization', `Bearer ${STATIC_TOKEN}`)
        .send({ reason: 'CI is back, build it properly' })
        .expect(200);
      expect((await evaluate('production', NOT_BUILT)).code).toBe(1);
    });

    it('exits 2 when the backend is down', async () => {
      await backend.stop();
      stopped = true;
      const run = await evaluate('production', BUILT);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`could not reach ${url}/api/quality-gates`);
    });
  });
});
