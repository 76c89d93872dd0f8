import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  readinessExemptionCreatePermission,
  readinessExemptionRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';
import { spec } from '../schema/openapi.generated';
import {
  canonicalEntityRef,
  parseRequestedEntityRef,
} from '../catalog/EntityLookup';
import { ExemptionStore } from './exemptions/ExemptionStore';
import { ReadinessService } from './ReadinessService';
import { ReadinessStore } from './ReadinessStore';
import { writeReadinessCsv } from './readinessCsv';
import { actorOf } from '../service/actorOf';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

export interface ReadinessRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: ReadinessService;
  store: ReadinessStore;
  exemptions: ExemptionStore;
  /** Longest an exemption may last. */
  maxExemptionDays: number;
}

/** Routes under /readiness: stored results, on-demand evaluation, exemptions. */
export function addReadinessRoutes(
  router: ApiRouter,
  options: ReadinessRouteOptions,
) {
  const { httpAuth, permissions, service, store, exemptions } = options;

  const credentialsOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /** The requested entity, canonical, after checking the caller sees it. */
  async function visibleEntityRef(
    credentials: BackstageCredentials,
    raw: string,
  ): Promise<string> {
    const entityRef = canonicalEntityRef(parseRequestedEntityRef(raw));
    await service.visibleEntity(entityRef, credentials);
    return entityRef;
  }

  async function requirePermission(
    credentials: BackstageCredentials,
    permission:
      | typeof readinessExemptionCreatePermission
      | typeof readinessExemptionRevokePermission,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You need the ${permission.name} permission for this`,
      );
    }
  }

  router.get('/readiness/checks', async (req, res) => {
    await credentialsOf(req);
    res.json({
      levels: service.checkSet.levels,
      checks: service.checkSet.describe(),
    });
  });

  router.get('/readiness/entity', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await visibleEntityRef(credentials, req.query.entityRef);
    res.json(await service.readEntity(entityRef));
  });

  router.post('/readiness/entity/evaluate', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = canonicalEntityRef(
      parseRequestedEntityRef(req.query.entityRef),
    );
    res.json(await service.evaluateOne(entityRef, credentials));
  });

  router.get('/readiness/entity/history', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await visibleEntityRef(credentials, req.query.entityRef);
    const items = await store.history(entityRef, {
      from: req.query.from,
      limit: req.query.limit ?? 200,
    });
    res.json({ entityRef, items });
  });

  router.get('/readiness/overview', async (req, res) => {
    await credentialsOf(req);
    const [page, facets] = await Promise.all([
      store.overview(req.query),
      store.facets(),
    ]);
    res.json({ ...page, levels: service.checkSet.levels, facets });
  });

  router.get('/readiness/overview/export', async (req, res) => {
    await credentialsOf(req);
    const checkIds = service.checkSet.checks.map(check => check.id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="readiness-${DateTime.utc().toFormat(
        'yyyy-LL-dd',
      )}.csv"`,
    );
    await writeReadinessCsv(res, checkIds, store.exportRows(req.query));
    res.end();
  });

  router.get('/readiness/exemptions', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = req.query.entityRef
      ? await visibleEntityRef(credentials, req.query.entityRef)
      : undefined;
    res.json({
      items: await exemptions.list({
        entityRef,
        active: req.query.active,
        limit: req.query.limit ?? 200,
      }),
    });
  });

  router.post('/readiness/exemptions', async (req, res) => {
    const credentials = await credentialsOf(req);
    await requirePermission(credentials, readinessExemptionCreatePermission);
    const { checkId, reason, expiresAt } = req.body;
    const entityRef = await visibleEntityRef(credentials, req.body.entityRef);
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
    await service.evaluateOne(entityRef, credentials).catch(() => undefined);
    res.status(201).json(exemption);
  });

  router.post('/readiness/exemptions/:exemptionId/revoke', async (req, res) => {
    const credentials = await credentialsOf(req);
    await requirePermission(credentials, readinessExemptionRevokePermission);
    const existing = await exemptions.get(req.params.exemptionId);
    if (!existing) {
      throw new NotFoundError(`No exemption ${req.params.exemptionId}`);
    }
    await visibleEntityRef(credentials, existing.entityRef);
    const revoked = await exemptions.revoke(
      req.params.exemptionId,
      actorOf(credentials),
    );
    await service
      .evaluateOne(existing.entityRef, credentials)
      .catch(() => undefined);
    res.json(revoked);
  });
}
