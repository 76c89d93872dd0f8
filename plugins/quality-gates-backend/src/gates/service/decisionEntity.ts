import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { gateEvaluatePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { CatalogAccess } from '../../catalog/CatalogAccess';
import { requireEntityPermission } from '../../permissions/requirePermission';
import { settle } from '../evaluation/earlyMeasurements';

/**
 * What a gate decision reads of its entity: what gates select by
 * (`appliesTo`) and where the component's gate file is.
 */
export const DECISION_ENTITY_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'metadata.tags',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.system',
];

/**
 * The entity a caller asks a gate decision for: its canonical ref at once
 * (a malformed ref is a 400 now), and the entity once the catalog shows it
 * to the caller and the caller may evaluate its gates. The catalog lookup
 * and the permission check run together; once the permission is granted
 * (`mayMeasure`: at once for a service, decided locally) the evaluator
 * starts measuring while the entity is read, so a caller refused the
 * permission starts no query. Nothing is stored unless both pass. A hidden
 * entity is a 404 even when the caller also lacks the permission, as
 * before, so a 403 never reveals that it exists.
 */
export function decisionEntity(options: {
  access: CatalogAccess;
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  rawEntityRef: string;
}): {
  entityRef: string;
  entity: Promise<Entity>;
  mayMeasure: Promise<boolean>;
} {
  const { access, permissions, credentials } = options;
  const entityRef = access.requestedRef(options.rawEntityRef);
  const visible = settle(
    access.visibleEntityFields(credentials, entityRef, DECISION_ENTITY_FIELDS),
  );
  const allowed = settle(
    requireEntityPermission(
      permissions,
      credentials,
      gateEvaluatePermission,
      entityRef,
    ),
  );
  const entity = (async () => {
    const seen = await visible;
    if ('error' in seen) throw seen.error;
    const permitted = await allowed;
    if ('error' in permitted) throw permitted.error;
    return seen.value;
  })();
  // The evaluator awaits it; a rejection before then is not unhandled.
  entity.catch(() => {});
  const mayMeasure = allowed.then(permitted => !('error' in permitted));
  return { entityRef, entity, mayMeasure };
}
