import { DEPLOYMENT_STATUSES } from '@can-i-deploy/plugin-quality-gates-common';
import { z } from 'zod';
import { EntityHints } from '../../catalog/EntityResolver';
import {
  DeploymentReport,
  EntityAssignment,
} from '../../delivery/DeliveryBatch';
import {
  API_SOURCE,
  entityFields,
  hintsOf,
  CrossFieldCheck,
  inOrder,
  requireEntityHint,
  sourceKey,
  text,
  timestamp,
} from './payloadFields';
import { commitShaField, repositoryField } from './repository';

/** One deployment as a script or CI system reports it. Unknown fields are refused. */
export const deploymentPayload = z
  .object({
    ...entityFields,
    externalId: text(255),
    environment: text(255),
    version: text(255),
    status: z.enum(DEPLOYMENT_STATUSES),
    startedAt: timestamp,
    finishedAt: timestamp.optional(),
    artifact: text(2048).optional(),
    actor: text(255).optional(),
    url: z.string().url().max(2048).optional(),
    description: z.string().max(10_000).optional(),
    changes: z
      .array(
        z.object({ repository: repositoryField, sha: commitShaField }).strict(),
      )
      .max(1000)
      .optional(),
    pipelineRun: sourceKey.optional(),
  })
  .strict();

/** What spans fields: an entity hint, and times in order. */
export const deploymentChecks: CrossFieldCheck = item => [
  ...requireEntityHint(item),
  ...inOrder(item, 'startedAt', 'finishedAt'),
];

export type DeploymentPayload = z.infer<typeof deploymentPayload>;

/** The deployment to write, before its entity is resolved. */
export function deploymentReportOf(payload: DeploymentPayload): {
  hints: EntityHints;
  report: Omit<DeploymentReport, keyof EntityAssignment>;
} {
  const { entityRef, serviceName, repositorySlug, ...fields } = payload;
  return {
    hints: hintsOf({ entityRef, serviceName, repositorySlug }),
    report: { ...fields, source: API_SOURCE },
  };
}
