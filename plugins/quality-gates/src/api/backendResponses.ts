import {
  DeploymentDetails,
  EvidenceFact,
} from '@can-i-deploy/plugin-quality-gates-common';
import { components } from '../schema/openapi.generated';

type EvidenceFactSchema = components['schemas']['EvidenceFact'];

/**
 * `T` with each evidence fact typed as the domain's EvidenceFact.
 *
 * openapi.yaml describes a fact as one object whose fields are all optional
 * but `kind` (the router's JSON Schema has no per-kind variants); the
 * backend only sends the variants EvidenceFact names, built from that type.
 */
export type WithDomainEvidence<T> = T extends EvidenceFactSchema
  ? EvidenceFact
  : T extends ReadonlyArray<infer Item>
  ? WithDomainEvidence<Item>[]
  : T extends object
  ? { [Key in keyof T]: WithDomainEvidence<T[Key]> }
  : T;

/**
 * The answer with its evidence typed as the domain's facts. Only the facts'
 * type changes: every other field still has to match the domain type.
 */
export function withDomainEvidence<T>(answer: T): WithDomainEvidence<T> {
  return answer as WithDomainEvidence<T>;
}

/**
 * A deployment list's items as DeploymentDetails: openapi.yaml shares one
 * Deployment schema with the deployment view, where `changes` is left out,
 * while the list always sends them.
 */
export function withChanges<
  Item extends Omit<DeploymentDetails, 'changes'> &
    Partial<Pick<DeploymentDetails, 'changes'>>,
>(items: Item[]): Array<Item & Pick<DeploymentDetails, 'changes'>> {
  return items.map(item =>
    item.changes
      ? (item as Item & Pick<DeploymentDetails, 'changes'>)
      : { ...item, changes: [] },
  );
}
