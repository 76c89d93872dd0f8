import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { GateDecision } from '@can-i-deploy/plugin-quality-gates-common';
import { CatalogAccess } from '../catalog/CatalogAccess';
import { GateDecisionStore } from '../gates/decisions/GateDecisionStore';
import { GateEvaluator } from '../gates/evaluation/GateEvaluator';
import { decisionEntity } from '../gates/service/decisionEntity';
import { actorOf } from '../service/actorOf';
import { storableInput } from './actionInput';

/** What an agent reads of a decision: the answer, why, and each gate's part. */
function explained(decision: GateDecision) {
  return {
    decisionId: decision.id,
    entityRef: decision.entityRef,
    environment: decision.environment,
    version: decision.version,
    answer: decision.answer,
    sentence: decision.sentence,
    ...(decision.askAgainAt ? { askAgainAt: decision.askAgainAt } : {}),
    decidedAt: decision.decidedAt,
    gates: decision.evaluations.map(evaluation => ({
      gate: evaluation.gateTitle,
      mode: evaluation.mode,
      verdict: evaluation.verdict,
      effectiveVerdict: evaluation.effectiveVerdict,
      ...(evaluation.override
        ? {
            overriddenBy: evaluation.override.createdBy,
            overrideReason: evaluation.override.reason,
          }
        : {}),
      criteria: evaluation.criteria.map(criterion => ({
        criterion: criterion.title ?? criterion.key,
        state: criterion.state,
        keyCriterion: criterion.keyCriterion,
        message: criterion.message,
        ...(criterion.askAgainAt ? { askAgainAt: criterion.askAgainAt } : {}),
      })),
    })),
    problems: decision.problems,
  };
}

/**
 * The schema of `explained`, built with the zod the registry hands over
 * (its own copy: typed loosely here, checked by the registry at run time).
 */
function decisionSchema(z: any) {
  return z.object({
    decisionId: z.string(),
    entityRef: z.string(),
    environment: z.string(),
    version: z.string(),
    answer: z
      .enum(['yes', 'no', 'not_yet', 'error'])
      .describe('yes: deploy; no: do not; not_yet: ask again at askAgainAt'),
    sentence: z.string().describe('Why, in one sentence'),
    askAgainAt: z.string().optional(),
    decidedAt: z.string(),
    gates: z.array(
      z.object({
        gate: z.string(),
        mode: z.string(),
        verdict: z.string(),
        effectiveVerdict: z.string(),
        overriddenBy: z.string().optional(),
        overrideReason: z.string().optional(),
        criteria: z.array(
          z.object({
            criterion: z.string(),
            state: z.string(),
            keyCriterion: z.boolean(),
            message: z.string(),
            askAgainAt: z.string().optional(),
          }),
        ),
      }),
    ),
    problems: z.array(z.string()),
  });
}

/**
 * "Can I deploy?" and "why?", with the permissions and catalog visibility
 * of the HTTP API: a caller who cannot see the entity learns nothing of
 * it, and asking needs `quality-gates.gate.evaluate` on it.
 */
export function registerGateActions(options: {
  actionsRegistry: ActionsRegistryService;
  access: CatalogAccess;
  permissions: PermissionsService;
  evaluator: GateEvaluator;
  decisions: GateDecisionStore;
}) {
  const { actionsRegistry, access, permissions, evaluator, decisions } =
    options;

  actionsRegistry.register({
    name: 'can-i-deploy',
    title: 'Can I deploy?',
    description:
      'Evaluates every quality gate of a catalog entity for a version and environment, ' +
      'stores the decision and answers yes, no, not_yet (with when to ask again) or ' +
      'error, with one sentence saying why and every gate and criterion behind it. ' +
      'Use it before deploying; on not_yet, ask again at askAgainAt.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The entity, e.g. component:default/payments'),
          environment: z.string().describe('e.g. production'),
          version: z.string().describe('The version to deploy, e.g. 1.4.0'),
        }),
      output: z => decisionSchema(z),
    },
    action: async ({ input: given, credentials }) => {
      const input = storableInput(given);
      const { entity, entityRef, mayMeasure } = decisionEntity({
        access,
        permissions,
        credentials,
        rawEntityRef: input.entityRef,
      });
      const decision = await evaluator.evaluate({
        entity,
        mayMeasure,
        entityRef,
        environment: input.environment,
        version: input.version,
        trigger: 'manual',
        requestedBy: actorOf(credentials),
      });
      return { output: explained(decision) };
    },
  });

  actionsRegistry.register({
    name: 'explain-gate-decision',
    title: 'Explain a gate decision',
    description:
      'Reads a stored "Can I deploy?" decision by its id: the answer, why, each gate ' +
      'with its verdict and any override, and each criterion with what it measured.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({ decisionId: z.string().describe('The decision id') }),
      output: z => decisionSchema(z),
    },
    action: async ({ input: given, credentials }) => {
      const input = storableInput(given);
      const notFound = `No gate decision ${input.decisionId}`;
      const decision = await decisions.get(input.decisionId);
      if (!decision) throw new NotFoundError(notFound);
      await access.visibleEntity(credentials, decision.entityRef, notFound);
      return { output: explained(decision) };
    },
  });
}
