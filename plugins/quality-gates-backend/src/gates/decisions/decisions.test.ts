import request from 'supertest';
import {
  AuditorService,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  gateOverridePermission,
  gateOverrideRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  waitForCatalog,
} from '../../__testUtils__/testBackend';

// Decisions and overrides over HTTP on a real backend with the real catalog
// and database. The gate reads real pipeline runs: a version with a
// successful run passes, one without fails. The permissions service is a
// small policy (the real framework is tested in service/permissions.test.ts);
// the auditor records what it is told, to check what is audited.

jest.setTimeout(60_000);

const LEAD = 'user:default/lead';
const DEVELOPER = 'user:default/developer';
/** Cannot see any entity: the catalog denies it reading them. */
const OUTSIDER = 'user:default/outsider';
const CHECKOUT = 'component:default/checkout';
const BUILT = 'v1-built';
const BROKEN = 'v2-broken';

const audited: Array<{ eventId: string; status: string; meta: unknown }> = [];

const recordingAuditor = createServiceFactory({
  service: coreServices.auditor,
  deps: {},
  factory: (): AuditorService => ({
    async createEvent({ eventId, meta }) {
      return {
        async success(options) {
          // The catalog audits its reads through the same service.
          if (eventId !== 'gate-override') return;
          audited.push({
            eventId,
            status: 'succeeded',
            meta: { ...meta, ...options?.meta },
          });
        },
        async fail({ error }) {
          if (eventId !== 'gate-override') return;
          audited.push({ eventId, status: 'failed', meta: error.message });
        },
      };
    },
  }),
});

/** Only the lead may override and revoke; the outsider sees nothing. */
const permissionsPolicy = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const userOf = (credentials: { principal: unknown }) =>
      (credentials.principal as BackstageUserPrincipal).userEntityRef;
    return {
      async authorize(requests, { credentials }) {
        return requests.map(({ permission }) => ({
          result:
            (isPermission(permission, gateOverridePermission) ||
              isPermission(permission, gateOverrideRevokePermission)) &&
            userOf(credentials) !== LEAD
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests, { credentials }) {
        return requests.map(
          ({ permission }) =>
            ({
              result:
                permission.name === 'catalog.entity.read' &&
                userOf(credentials) === OUTSIDER
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            } as const),
        );
      },
    };
  },
});

const config = {
  qualityGates: {
    gates: {
      maxOverrideDays: 7,
      definitions: [
        {
          id: 'release',
          title: 'Release checks',
          environments: ['staging', 'production'],
          criteria: [{ key: 'ci', source: 'pipeline', keyCriterion: true }],
        },
        {
          id: 'watched',
          title: 'Watched',
          mode: 'warn-only',
          environments: ['production'],
          criteria: [{ key: 'ci', source: 'pipeline' }],
        },
      ],
    },
  },
};

const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('gate decisions and overrides', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const database = capturePluginDatabase();
    const lead = mockCredentials.user.header(LEAD);
    const developer = mockCredentials.user.header(DEVELOPER);
    const outsider = mockCredentials.user.header(OUTSIDER);

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        config,
        features: [database.feature, permissionsPolicy, recordingAuditor],
      });
      await waitForCatalog(backend, lead, ['checkout']);
      const at = new Date(Date.now() - 60_000);
      await database
        .knex()('pipeline_runs')
        .insert({
          id: `run-${databaseId}`,
          source: 'test',
          external_id: 'run-1',
          entity_ref: CHECKOUT,
          pipeline_name: 'ci',
          sha: BUILT,
          result: 'success',
          started_at: at,
          finished_at: at,
          created_at: at,
          updated_at: at,
        });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const api = (path: string) => `/api/quality-gates${path}`;
    const evaluate = (version: string, environment = 'production') =>
      request(backend.server)
        .post(api('/gates/evaluate'))
        .set('Authorization', developer)
        .send({ entityRef: CHECKOUT, environment, version });
    const get = (path: string, who = developer) =>
      request(backend.server).get(api(path)).set('Authorization', who);
    const post = (path: string, body: object, who = lead) =>
      request(backend.server)
        .post(api(path))
        .set('Authorization', who)
        .send(body);

    it('stores each decision with its answer and sentence, and lists them', async () => {
      const yes = await evaluate(BUILT);
      expect(yes.status).toBe(200);
      expect(yes.body).toMatchObject({
        entityRef: CHECKOUT,
        environment: 'production',
        version: BUILT,
        trigger: 'ci',
        requestedBy: DEVELOPER,
        answer: 'yes',
        verdict: 'pass',
        sentence: `Yes: Release checks passes for ${BUILT} in production.`,
      });
      expect(
        yes.body.evaluations.every((e: any) => e.decisionId === yes.body.id),
      ).toBe(true);
      const no = await evaluate(BROKEN);
      expect(no.body.answer).toBe('no');
      expect(no.body.sentence).toMatch(
        /^No: Release checks fails — .+ \(warn-only: Watched fails\)\.$/,
      );
      await evaluate(BUILT, 'staging');

      const stored = await get(`/gates/decisions/${no.body.id}`);
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({
        id: no.body.id,
        answer: 'no',
        sentence: no.body.sentence,
        decidedAt: no.body.decidedAt,
      });
      expect(stored.body.evaluations.map((e: any) => e.gateId).sort()).toEqual([
        'release',
        'watched',
      ]);

      const refused = await get(
        `/gates/decisions?entityRef=${CHECKOUT}&answer=no`,
      );
      expect(refused.body.items.map((d: any) => d.id)).toEqual([no.body.id]);
      expect(refused.body.items[0].gates).toHaveLength(2);
      expect(refused.body.items[0].gates[0].criteria).toBeUndefined();

      const page = await get(`/gates/decisions?entityRef=${CHECKOUT}&limit=2`);
      expect(page.body.total).toBeGreaterThanOrEqual(3);
      expect(page.body.items).toHaveLength(2);
      const next = await get(
        `/gates/decisions?entityRef=${CHECKOUT}&limit=2&offset=2`,
      );
      const ids = [...page.body.items, ...next.body.items].map(
        (d: any) => d.id,
      );
      expect(new Set(ids).size).toBe(ids.length);

      const watchedOnly = await get(
        `/gates/decisions?gateId=watched&environment=staging`,
      );
      expect(watchedOnly.body).toEqual({ items: [], total: 0 });
      const owned = await get(
        `/gates/decisions?owner=checkout-team&version=${BUILT}`,
      );
      expect(owned.body.items.map((d: any) => d.environment).sort()).toEqual([
        'production',
        'staging',
      ]);

      const latest = await get(
        `/gates/decisions/latest?entityRef=${CHECKOUT}&version=${BUILT}`,
      );
      expect(latest.body.items.map((d: any) => d.environment)).toEqual([
        'staging',
        'production',
      ]);
      expect(latest.body.items[1].evaluations).toHaveLength(2);
    });

    it('offers the candidates per environment in promotion order', async () => {
      const before = await get(`/gates/candidates?entityRef=${CHECKOUT}`);
      expect(before.status).toBe(200);
      expect(before.body.environments.map((e: any) => e.environment)).toEqual([
        'staging',
        'production',
      ]);
      // The first environment's candidate is the newest version seen; the
      // next one's is what staging runs: nothing yet.
      expect(before.body.environments[0].candidateVersion).toBe(
        before.body.versions[0].version,
      );
      expect(before.body.environments[1].candidateVersion).toBeUndefined();
      // Central gates guard both.
      expect(before.body.environments.map((e: any) => e.gated)).toEqual([
        true,
        true,
      ]);
      const versions = before.body.versions.map((v: any) => v.version);
      expect(versions).toEqual(expect.arrayContaining([BUILT, BROKEN]));
      expect(new Set(versions).size).toBe(versions.length);

      const at = new Date();
      await database
        .knex()('deployments')
        .insert(
          ['qa', 'staging'].map(environment => ({
            id: `deploy-${environment}-${databaseId}`,
            source: 'test',
            external_id: `deploy-${environment}`,
            entity_ref: CHECKOUT,
            environment,
            version: BUILT,
            artifact: null,
            actor: 'ci',
            status: 'succeeded',
            started_at: at,
            finished_at: at,
            created_at: at,
            updated_at: at,
          })),
        );
      const after = await get(`/gates/candidates?entityRef=${CHECKOUT}`);
      expect(after.body.environments).toEqual([
        // Deployed to, but no gate guards it: nothing decides there.
        {
          environment: 'qa',
          gated: false,
          runningVersion: BUILT,
          candidateVersion: BUILT,
        },
        {
          environment: 'staging',
          gated: true,
          runningVersion: BUILT,
          candidateVersion: BUILT,
        },
        { environment: 'production', gated: true, candidateVersion: BUILT },
      ]);
    });

    it('answers a hidden decision exactly like an unknown one, and lists none', async () => {
      const decision = (await evaluate(BUILT)).body;
      const hidden = await get(`/gates/decisions/${decision.id}`, outsider);
      const unknown = await get('/gates/decisions/no-such-decision', outsider);
      expect(hidden.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(hidden.body.error.message).toBe(`No gate decision ${decision.id}`);
      expect((await get('/gates/decisions', outsider)).body).toEqual({
        items: [],
        total: 0,
      });
      expect(
        (
          await get(
            `/gates/decisions/latest?entityRef=${CHECKOUT}&version=${BUILT}`,
            outsider,
          )
        ).status,
      ).toBe(404);
      expect((await get('/gates/overrides', outsider)).body.items).toEqual([]);
    });

    it('unblocks a failing version with an override until it is revoked', async () => {
      const failed = (await evaluate(BROKEN)).body;
      expect(failed.answer).toBe('no');
      const body = {
        entityRef: CHECKOUT,
        environment: 'production',
        version: BROKEN,
        gateId: 'release',
        reason: 'Hotfix for INC-7, CI flake checked by hand',
        expiresAt: inOneHour(),
      };
      expect((await post('/gates/overrides', body, developer)).status).toBe(
        403,
      );
      audited.length = 0;
      const created = await post('/gates/overrides', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRef: CHECKOUT,
        environment: 'production',
        version: BROKEN,
        gateId: 'release',
        verdict: 'pass',
        createdBy: LEAD,
        active: true,
      });
      expect(audited).toEqual([
        {
          eventId: 'gate-override',
          status: 'succeeded',
          meta: expect.objectContaining({
            action: 'create',
            overrideId: created.body.id,
            entityRef: CHECKOUT,
          }),
        },
      ]);

      const overridden = (await evaluate(BROKEN)).body;
      expect(overridden.answer).toBe('yes');
      expect(overridden.verdict).toBe('warn');
      expect(overridden.sentence).toMatch(
        /^Yes: Release checks fails but is overridden by user:default\/lead until .+ UTC because Hotfix for INC-7, CI flake checked by hand\.$/,
      );
      const release = overridden.evaluations.find(
        (e: any) => e.gateId === 'release',
      );
      expect(release).toMatchObject({
        verdict: 'fail',
        effectiveVerdict: 'pass',
        override: { id: created.body.id, active: true },
      });
      // Only the gate it names: the warn-only gate keeps its own.
      expect(
        overridden.evaluations.find((e: any) => e.gateId === 'watched'),
      ).toMatchObject({ effectiveVerdict: 'warn' });
      // The earlier decision is history: still no.
      expect((await get(`/gates/decisions/${failed.id}`)).body.answer).toBe(
        'no',
      );
      const listed = await get(
        `/gates/overrides?entityRef=${CHECKOUT}&version=${BROKEN}&active=true`,
      );
      expect(listed.body.items.map((o: any) => o.id)).toEqual([
        created.body.id,
      ]);

      const revoke = { reason: 'The flake was a real bug after all' };
      const denied = await post(
        `/gates/overrides/${created.body.id}/revoke`,
        revoke,
        developer,
      );
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(
        /quality-gates\.gate\.override\.revoke/,
      );
      audited.length = 0;
      const revoked = await post(
        `/gates/overrides/${created.body.id}/revoke`,
        revoke,
      );
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        active: false,
        revokedBy: LEAD,
        revokeReason: revoke.reason,
        revokedAt: expect.any(String),
      });
      expect(audited).toEqual([
        {
          eventId: 'gate-override',
          status: 'succeeded',
          meta: expect.objectContaining({
            action: 'revoke',
            overrideId: created.body.id,
            revokedBy: LEAD,
          }),
        },
      ]);
      expect(
        (await post(`/gates/overrides/${created.body.id}/revoke`, revoke))
          .status,
      ).toBe(409);

      const again = (await evaluate(BROKEN)).body;
      expect(again.answer).toBe('no');
      // History keeps what the override decided then; it no longer applies.
      const then = (await get(`/gates/decisions/${overridden.id}`)).body;
      expect(then.answer).toBe('yes');
      expect(
        then.evaluations.find((e: any) => e.gateId === 'release'),
      ).toMatchObject({
        verdict: 'fail',
        effectiveVerdict: 'pass',
        override: { id: created.body.id, active: false },
      });
    });

    it('overrides every gate of a decision until the override expires', async () => {
      const failed = (await evaluate(BROKEN, 'staging')).body;
      const created = await post(`/gates/decisions/${failed.id}/override`, {
        reason: 'Staging is being rebuilt this week',
        expiresAt: inOneHour(),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        environment: 'staging',
        version: BROKEN,
        decisionId: failed.id,
        verdict: 'pass',
      });
      expect(created.body.gateId).toBeUndefined();
      expect((await evaluate(BROKEN, 'staging')).body.answer).toBe('yes');
      // Another version is another question.
      expect((await evaluate('v3-other', 'staging')).body.answer).toBe('no');

      await database
        .knex()('gate_overrides')
        .where({ id: created.body.id })
        .update({ expires_at: new Date(Date.now() - 1000) });
      expect((await evaluate(BROKEN, 'staging')).body.answer).toBe('no');
      const expired = await get(
        `/gates/overrides?entityRef=${CHECKOUT}&environment=staging&active=false`,
      );
      expect(expired.body.items.map((o: any) => o.id)).toContain(
        created.body.id,
      );
    });

    it('refuses overrides without a reason, a real expiry or a known gate', async () => {
      const decision = (await evaluate(BROKEN)).body;
      const path = `/gates/decisions/${decision.id}/override`;
      const short = await post(path, {
        reason: 'because   ',
        expiresAt: inOneHour(),
      });
      expect(short.status).toBe(400);
      const past = await post(path, {
        reason: 'Hotfix for INC-7 reviewed',
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(past.status).toBe(400);
      expect(past.body.error.message).toMatch(
        /expiresAt must be in the future/,
      );
      const far = await post(path, {
        reason: 'Hotfix for INC-7 reviewed',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
      expect(far.status).toBe(400);
      expect(far.body.error.message).toMatch(/at most 7 days/);
      const unknownGate = await post(path, {
        gateId: 'nope',
        reason: 'Hotfix for INC-7 reviewed',
        expiresAt: inOneHour(),
      });
      expect(unknownGate.status).toBe(404);
      expect(
        (
          await post('/gates/overrides/no-such/revoke', {
            reason: 'not needed any more',
          })
        ).status,
      ).toBe(404);
    });
  });
});
