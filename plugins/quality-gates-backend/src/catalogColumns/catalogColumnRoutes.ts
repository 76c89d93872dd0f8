import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { spec } from '../schema/openapi.generated';
import { CatalogAccess } from '../catalog/CatalogAccess';
import { parseRequestedEntityRef } from '../catalog/requestedEntityRef';
import { GateDecisionStore } from '../gates/decisions/GateDecisionStore';
import { ReadinessRouteOptions } from '../readiness/readinessRoutes';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

export interface CatalogColumnRouteOptions {
  httpAuth: HttpAuthService;
  access: CatalogAccess;
  decisions: GateDecisionStore;
  /** Absent when readiness is turned off: no entity has a level then. */
  readiness?: Pick<ReadinessRouteOptions, 'store' | 'service'>;
}

/**
 * What the catalog table's columns show for a page of rows, in one request
 * instead of one per row: each entity's readiness level and its newest
 * decision in one environment. Entities the caller cannot see are left out,
 * as unknown ones are.
 */
export function addCatalogColumnRoutes(
  router: ApiRouter,
  options: CatalogColumnRouteOptions,
) {
  const { httpAuth, access, decisions, readiness } = options;

  router.get('/catalog-columns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const requested = req.query.entityRef.map(raw =>
      canonicalEntityRef(parseRequestedEntityRef(raw)),
    );
    const entityRefs = await access.visibleRefs(credentials, requested);
    const environment = req.query.environment ?? 'production';
    const [stored, latest] = await Promise.all([
      readiness && entityRefs.length > 0
        ? readiness.store.storedReadiness({ entityRefs })
        : [],
      decisions.latestPerEntity(entityRefs, environment),
    ]);
    const levelOf = new Map(stored.map(row => [row.entityRef, row]));
    const decisionOf = new Map(latest.map(row => [row.entityRef, row]));
    res.json({
      environment,
      levels: readiness?.service.checkSet.levels ?? [],
      items: entityRefs.map(entityRef => {
        const level = levelOf.get(entityRef);
        const decision = decisionOf.get(entityRef);
        return {
          entityRef,
          ...(level
            ? { readiness: { level: level.level, score: level.score } }
            : {}),
          ...(decision
            ? {
                decision: {
                  id: decision.id,
                  version: decision.version,
                  answer: decision.answer,
                  decidedAt: decision.decidedAt,
                },
              }
            : {}),
        };
      }),
    });
  });
}
