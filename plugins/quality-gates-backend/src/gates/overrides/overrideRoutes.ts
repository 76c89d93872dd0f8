import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  GateOverride,
  gateOverridePermission,
  gateOverrideRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import { Request } from 'express';
import { spec } from '../../schema/openapi.generated';
import { CatalogAccess } from '../../catalog/CatalogAccess';
import { requireEntityPermission } from '../../permissions/requirePermission';
import { actorOf } from '../../service/actorOf';
import { GateEvaluationStore } from '../store/GateEvaluationStore';
import { GateDecisionStore } from '../decisions/GateDecisionStore';
import { entityScope } from '../service/entityScope';
import { GateOverrideStore, NewGateOverride } from './GateOverrideStore';
import { overrideTerms } from './overrideInput';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

export interface OverrideRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  access: CatalogAccess;
  auditor: AuditorService;
  store: GateEvaluationStore;
  decisions: GateDecisionStore;
  overrides: GateOverrideStore;
  maxOverrideDays: number;
}

/** What an audit event says about an override. */
function auditMeta(override: GateOverride) {
  return {
    overrideId: override.id,
    entityRef: override.entityRef,
    environment: override.environment,
    version: override.version,
    gateId: override.gateId ?? null,
    verdict: override.verdict,
    reason: override.reason,
    expiresAt: override.expiresAt,
  };
}

/**
 * Routes of overrides: made for a scope, from a decision or from one
 * evaluation; listed; revoked. Every write is permissioned on the entity
 * and audited.
 */
export function addOverrideRoutes(
  router: ApiRouter,
  options: OverrideRouteOptions,
) {
  const { httpAuth, permissions, access, auditor, overrides } = options;

  const credentialsOf = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /** Checks the permission, stores the override and audits it. */
  async function create(
    req: Request<any, any, any, any, any>,
    credentials: BackstageCredentials,
    input: Omit<NewGateOverride, 'createdBy' | 'reason' | 'expiresAt'> & {
      reason: string;
      expiresAt: string;
    },
  ): Promise<GateOverride> {
    await requireEntityPermission(
      permissions,
      credentials,
      gateOverridePermission,
      input.entityRef,
    );
    const terms = overrideTerms(input, options.maxOverrideDays);
    const event = await auditor.createEvent({
      eventId: 'gate-override',
      severityLevel: 'medium',
      request: req,
      meta: { action: 'create' },
    });
    try {
      const override = await overrides.create({
        ...input,
        ...terms,
        createdBy: actorOf(credentials),
      });
      await event.success({ meta: auditMeta(override) });
      return override;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  router.post('/gates/overrides', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await access.visibleEntityRef(
      credentials,
      req.body.entityRef,
    );
    res.status(201).json(
      await create(req, credentials, {
        entityRef,
        environment: req.body.environment,
        version: req.body.version,
        ...(req.body.gateId ? { gateId: req.body.gateId } : {}),
        verdict: req.body.verdict ?? 'pass',
        reason: req.body.reason,
        expiresAt: req.body.expiresAt,
      }),
    );
  });

  router.post('/gates/decisions/:decisionId/override', async (req, res) => {
    const credentials = await credentialsOf(req);
    const notFound = `No gate decision ${req.params.decisionId}`;
    const decision = await options.decisions.get(req.params.decisionId);
    if (!decision) throw new NotFoundError(notFound);
    await access.visibleEntity(credentials, decision.entityRef, notFound);
    const gateId = req.body.gateId;
    if (gateId && !decision.evaluations.some(e => e.gateId === gateId)) {
      throw new NotFoundError(
        `Gate ${gateId} was not evaluated in decision ${decision.id}`,
      );
    }
    res.status(201).json(
      await create(req, credentials, {
        entityRef: decision.entityRef,
        environment: decision.environment,
        version: decision.version,
        ...(gateId ? { gateId } : {}),
        decisionId: decision.id,
        verdict: req.body.verdict ?? 'pass',
        reason: req.body.reason,
        expiresAt: req.body.expiresAt,
      }),
    );
  });

  router.post('/gates/evaluations/:evaluationId/override', async (req, res) => {
    const credentials = await credentialsOf(req);
    const notFound = `No gate evaluation ${req.params.evaluationId}`;
    const evaluation = await options.store.get(req.params.evaluationId);
    if (!evaluation) throw new NotFoundError(notFound);
    // An evaluation is as visible as its entity.
    await access.visibleEntity(credentials, evaluation.entityRef, notFound);
    await create(req, credentials, {
      entityRef: evaluation.entityRef,
      environment: evaluation.environment,
      version: evaluation.version,
      gateId: evaluation.gateId,
      evaluationId: evaluation.id,
      ...(evaluation.decisionId ? { decisionId: evaluation.decisionId } : {}),
      verdict: req.body.verdict,
      reason: req.body.reason,
      expiresAt: req.body.expiresAt,
    });
    res.status(201).json((await options.store.get(evaluation.id))!);
  });

  router.get('/gates/overrides', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { entityRef, environment, version, active } = req.query;
    const scope = await entityScope(access, credentials, { entityRef }, () =>
      overrides.entityRefsOf({ environment, version }),
    );
    res.json({
      items: await overrides.list({ ...scope, environment, version, active }),
    });
  });

  router.post('/gates/overrides/:overrideId/revoke', async (req, res) => {
    const credentials = await credentialsOf(req);
    const notFound = `No gate override ${req.params.overrideId}`;
    const existing = await overrides.get(req.params.overrideId);
    if (!existing) throw new NotFoundError(notFound);
    await access.visibleEntity(credentials, existing.entityRef, notFound);
    await requireEntityPermission(
      permissions,
      credentials,
      gateOverrideRevokePermission,
      existing.entityRef,
    );
    const event = await auditor.createEvent({
      eventId: 'gate-override',
      severityLevel: 'medium',
      request: req,
      meta: { action: 'revoke', ...auditMeta(existing) },
    });
    const reason = req.body.reason.trim();
    if (reason.length < 10) {
      throw new InputError('reason must say why, in at least 10 characters');
    }
    const revoked = await overrides.revoke(existing.id, {
      revokedBy: actorOf(credentials),
      reason,
    });
    if (!revoked) {
      const error = new ConflictError(
        `Override ${existing.id} was already revoked`,
      );
      await event.fail({ error });
      throw error;
    }
    await event.success({
      meta: { revokedBy: revoked.revokedBy ?? null, revokeReason: reason },
    });
    res.json(revoked);
  });
}
