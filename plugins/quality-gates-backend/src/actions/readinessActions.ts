import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogAccess } from '../catalog/CatalogAccess';
import { ReadinessService } from '../readiness/ReadinessService';
import { ReadinessStore } from '../readiness/ReadinessStore';
import { storableInput } from './actionInput';

/**
 * Readiness of one entity with how to fix what fails, and the components
 * not production ready: only entities the caller can see in the catalog.
 */
export function registerReadinessActions(options: {
  actionsRegistry: ActionsRegistryService;
  access: CatalogAccess;
  service: ReadinessService;
  store: ReadinessStore;
}) {
  const { actionsRegistry, access, service, store } = options;

  actionsRegistry.register({
    name: 'get-readiness',
    title: 'Production readiness of an entity',
    description:
      'The readiness level and score of a catalog entity and every check that does ' +
      'not pass (owner, alerts with runbooks, dashboards, on-call, docs…), each with ' +
      'what is missing and how to fix it.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The entity, e.g. component:default/payments'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          level: z.string().nullable(),
          nextLevel: z.string().nullable(),
          score: z.number().nullable(),
          evaluatedAt: z.string().optional(),
          toFix: z.array(
            z.object({
              check: z.string(),
              state: z.string(),
              level: z.string().optional(),
              message: z.string(),
              howToFix: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input: given, credentials }) => {
      const input = storableInput(given);
      const entityRef = await access.visibleEntityRef(
        credentials,
        input.entityRef,
      );
      const readiness = await service.readEntity(entityRef);
      return {
        output: {
          entityRef,
          level: readiness.summary?.level ?? null,
          nextLevel: readiness.summary?.nextLevel ?? null,
          score: readiness.summary?.score ?? null,
          ...(readiness.summary
            ? { evaluatedAt: readiness.summary.evaluatedAt }
            : {}),
          toFix: readiness.checks
            .filter(check => !['pass', 'exempt'].includes(check.result.state))
            .map(check => ({
              check: check.title,
              state: check.result.state,
              ...(check.level ? { level: check.level } : {}),
              message: check.result.message,
              howToFix: check.howToFix,
            })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-not-production-ready',
    title: 'Components not production ready',
    description:
      'Components whose readiness checks do not all pass, lowest level first, with ' +
      'the checks that fail; optionally only those of one owner.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe('An owner entity ref, e.g. group:default/payments-team'),
          limit: z.number().int().min(1).max(200).optional(),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              entityRef: z.string(),
              owner: z.string().optional(),
              level: z.string().nullable(),
              score: z.number().nullable(),
              failingChecks: z.array(z.string()),
            }),
          ),
          totalCount: z.number(),
        }),
    },
    action: async ({ input: given, credentials }) => {
      const input = storableInput(given);
      const entityRefs = await access.visibleRefs(
        credentials,
        await store.entityRefs(),
      );
      const limit = input.limit ?? 50;
      const { items, totalCount } = await store.overview({
        entityRefs,
        kind: 'Component',
        owner: input.owner,
        anyFailing: true,
        sort: 'level',
        order: 'asc',
        limit,
      });
      return {
        output: {
          items: items.map(item => ({
            entityRef: item.entityRef,
            ...(item.owner ? { owner: item.owner } : {}),
            level: item.level,
            score: item.score,
            failingChecks: item.failingChecks,
          })),
          totalCount,
        },
      };
    },
  });
}
