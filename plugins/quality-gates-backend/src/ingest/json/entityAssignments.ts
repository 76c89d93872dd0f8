import { EntityHints, EntityResolver } from '../../catalog/EntityResolver';
import { EntityAssignment } from '../../delivery/DeliveryBatch';

/**
 * Resolves the entities of one request: each distinct set of hints once,
 * however many items share it.
 */
export class RequestEntityAssignments {
  private readonly resolved = new Map<string, Promise<EntityAssignment>>();

  constructor(private readonly resolver: EntityResolver) {}

  resolve(hints: EntityHints): Promise<EntityAssignment> {
    const key = JSON.stringify([
      hints.entityRef,
      hints.serviceName,
      hints.repositorySlug,
    ]);
    let assignment = this.resolved.get(key);
    if (!assignment) {
      assignment = this.resolver.resolve(hints);
      this.resolved.set(key, assignment);
    }
    return assignment;
  }

  /**
   * Tries hint sets in order until one names an entity. The first set is
   * what the event said, so its hint is kept whichever set resolved.
   */
  async resolveFirst(candidates: EntityHints[]): Promise<EntityAssignment> {
    let first: EntityAssignment | undefined;
    for (const hints of candidates) {
      const assignment = await this.resolve(hints);
      first ??= assignment;
      if (assignment.entityRef) {
        return {
          entityRef: assignment.entityRef,
          entityHint: first.entityHint,
        };
      }
    }
    return first ?? { entityRef: null };
  }
}
