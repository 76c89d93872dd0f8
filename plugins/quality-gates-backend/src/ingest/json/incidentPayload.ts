import { z } from 'zod';
import { EntityHints } from '../../catalog/EntityResolver';
import { EntityAssignment, IncidentReport } from '../../delivery/DeliveryBatch';
import {
  API_SOURCE,
  boundedRecord,
  entityFields,
  hintsOf,
  CrossFieldCheck,
  inOrder,
  requireEntityHint,
  sourceKey,
  text,
  timestamp,
} from './payloadFields';

/** One incident as an incident tool or script reports it. Unknown fields are refused. */
export const incidentPayload = z
  .object({
    ...entityFields,
    externalId: text(255),
    environment: text(255).optional(),
    severity: text(64).optional(),
    title: z.string().max(1000).optional(),
    description: z.string().max(10_000).optional(),
    url: z.string().url().max(2048).optional(),
    openedAt: timestamp,
    resolvedAt: timestamp.optional(),
    /** The deployment that caused it, by its source's key (any source). */
    causedByDeployment: sourceKey.optional(),
    labels: boundedRecord(
      50,
      z.string().min(1).max(255),
      z.string().max(1000),
      'at most 50 labels',
    ).optional(),
  })
  .strict();

/** What spans fields: an entity hint, and times in order. */
export const incidentChecks: CrossFieldCheck = item => [
  ...requireEntityHint(item),
  ...inOrder(item, 'openedAt', 'resolvedAt'),
];

export type IncidentPayload = z.infer<typeof incidentPayload>;

/** The incident to write, before its entity is resolved. */
export function incidentReportOf(payload: IncidentPayload): {
  hints: EntityHints;
  report: Omit<IncidentReport, keyof EntityAssignment>;
} {
  const {
    entityRef,
    serviceName,
    repositorySlug,
    causedByDeployment,
    ...fields
  } = payload;
  return {
    hints: hintsOf({ entityRef, serviceName, repositorySlug }),
    report: { ...fields, source: API_SOURCE, causedBy: causedByDeployment },
  };
}
