import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  canonicalEntityRef,
  readinessEvaluatePermission,
  readinessExemptionCreatePermission,
  readinessExemptionRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { spec } from '../schema/openapi.generated';
import { CatalogAccess } from '../catalog/CatalogAccess';
import { parseRequestedEntityRef } from '../catalog/requestedEntityRef';
import { requireEntityPermission } from '../permissions/requirePermission';
import { ExemptionStore } from './exemptions/ExemptionStore';
import { ReadinessService } from './ReadinessService';
import { ReadinessStore } from './ReadinessStore';
import { writeReadinessCsv } from './readinessCsv';
import { actorOf } from '../service/actorOf';
import { ComponentScopeResolver } from '../catalog/ComponentScope';
import { ReadinessRollups } from './rollups/ReadinessRollups';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

export interface ReadinessRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The catalog as each caller sees it. */
  access: CatalogAccess;
  service: ReadinessService;
  store: ReadinessStore;
  exemptions: ExemptionStore;
  /** Longest an exemption may last. */
  maxExemptionDays: number;
  /** Whether a group's roll-up includes its sub-groups' components. */
  rollupsIncludeSubgroups: boolean;
}

/** Routes under /readiness: stored results, on-demand evaluation, exemptions. */
export function addReadinessRoutes(
  router: ApiRouter,
  options: ReadinessRouteOptions,
) {
  const { httpAuth, permissions, access, service, store, exemptions } = options;
  const rollups = new ReadinessRollups({
    store,
    checkSet: service.checkSet,
    scopes: new ComponentScopeResolver(access, {
      includeSubgroups: options.rollupsIncludeSubgroups,
    }),
  });

  const credentialsOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /** The entities with stored results that the caller can see. */
  const visibleScored = async (credentials: BackstageCredentials) =>
    access.visibleRefs(credentials, await store.entityRefs());

  router.get('/readiness/checks', async (req, res) => {
    await credentialsOf(req);
    res.json({
      levels: service.checkSet.levels,
      checks: service.checkSet.describe(),
    });
  });

  router.get('/readiness/entity', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await access.visibleEntityRef(
      credentials,
      req.query.entityRef,
    );
    res.json(await service.readEntity(entityRef));
  });

  router.post('/readiness/entity/evaluate', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = canonicalEntityRef(
      parseRequestedEntityRef(req.query.entityRef),
    );
    const started = service.startEvaluation(entityRef);
    // Asked at once, answered in order: an entity the caller cannot see is
    // a 404 whether or not the permission is missing too.
    const [visible, permitted] = await Promise.allSettled([
      access.visibleEntity(credentials, entityRef),
      requireEntityPermission(
        permissions,
        credentials,
        readinessEvaluatePermission,
        entityRef,
      ),
    ]);
    if (visible.status === 'rejected') throw visible.reason;
    if (permitted.status === 'rejected') throw permitted.reason;
    res.json(await service.evaluateOne(visible.value.entity, started));
  });

  router.get('/readiness/entity/history', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await access.visibleEntityRef(
      credentials,
      req.query.entityRef,
    );
    const items = await store.history(entityRef, {
      from: req.query.from,
      limit: req.query.limit ?? 200,
    });
    res.json({ entityRef, items });
  });

  // Pages, totals, facets and the export count only entities the caller
  // can see: the filter is applied in the query, before paging.
  router.get('/readiness/overview', async (req, res) => {
    const entityRefs = await visibleScored(await credentialsOf(req));
    const [page, facets] = await Promise.all([
      store.overview({ ...req.query, entityRefs }),
      store.facets(entityRefs),
    ]);
    res.json({ ...page, levels: service.checkSet.levels, facets });
  });

  // A group's or system's components as the catalog lists them for the
  // caller: hidden ones are neither counted nor listed.
  router.get('/readiness/rollup', async (req, res) => {
    const credentials = await credentialsOf(req);
    res.json(
      await rollups.rollup(
        { group: req.query.group, system: req.query.system },
        credentials,
        req.query.worstChecks ?? 5,
      ),
    );
  });

  router.get('/readiness/overview/groups', async (req, res) => {
    const entityRefs = await visibleScored(await credentialsOf(req));
    const { groupBy, ...filters } = req.query;
    res.json(await rollups.overviewGroups({ ...filters, entityRefs }, groupBy));
  });

  router.get('/readiness/overview/export', async (req, res) => {
    const entityRefs = await visibleScored(await credentialsOf(req));
    const checkIds = service.checkSet.checks.map(check => check.id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="readiness-${DateTime.utc().toFormat(
        'yyyy-LL-dd',
      )}.csv"`,
    );
    await writeReadinessCsv(
      res,
      checkIds,
      store.exportRows({ ...req.query, entityRefs }),
    );
    res.end();
  });

  router.get('/readiness/exemptions', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { active } = req.query;
    const scope = req.query.entityRef
      ? {
          entityRef: await access.visibleEntityRef(
            credentials,
            req.query.entityRef,
          ),
        }
      : {
          entityRefs: await access.visibleRefs(
            credentials,
            await exemptions.entityRefsOf({ active }),
          ),
        };
    res.json({
      items: await exemptions.list({
        ...scope,
        active,
        limit: req.query.limit ?? 200,
      }),
    });
  });

  router.post('/readiness/exemptions', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { checkId, reason, expiresAt } = req.body;
    const { entity, entityRef } = await access.visibleEntity(
      credentials,
      req.body.entityRef,
    );
    await requireEntityPermission(
      permissions,
      credentials,
      readinessExemptionCreatePermission,
      entityRef,
    );
    if (!service.checkSet.has(checkId)) {
      throw new InputError(
        `checkId '${checkId}' is not a readiness check in use; known checks: ${service.checkSet.checks
          .map(check => check.id)
          .join(', ')}`,
      );
    }
    const expiry = DateTime.fromISO(expiresAt, { setZone: true });
    const now = DateTime.utc();
    if (expiry <= now) {
      throw new InputError('expiresAt must be in the future');
    }
    if (expiry > now.plus({ days: options.maxExemptionDays })) {
      throw new InputError(
        `expiresAt must be at most ${options.maxExemptionDays} days ahead (qualityGates.readiness.maxExemptionDays)`,
      );
    }
    if (reason.trim().length < 10) {
      throw new InputError('reason must say why, in at least 10 characters');
    }
    const exemption = await exemptions.create({
      entityRef,
      checkId,
      reason: reason.trim(),
      expiresAt: expiry.toUTC().toISO()!,
      createdBy: actorOf(credentials),
    });
    await service.evaluateOne(entity).catch(() => undefined);
    res.status(201).json(exemption);
  });

  router.post('/readiness/exemptions/:exemptionId/revoke', async (req, res) => {
    const credentials = await credentialsOf(req);
    const notFound = `No exemption ${req.params.exemptionId}`;
    const existing = await exemptions.get(req.params.exemptionId);
    if (!existing) throw new NotFoundError(notFound);
    const { entity } = await access.visibleEntity(
      credentials,
      existing.entityRef,
      notFound,
    );
    await requireEntityPermission(
      permissions,
      credentials,
      readinessExemptionRevokePermission,
      existing.entityRef,
    );
    const revoked = await exemptions.revoke(
      req.params.exemptionId,
      actorOf(credentials),
    );
    await service.evaluateOne(entity).catch(() => undefined);
    res.json(revoked);
  });
}
