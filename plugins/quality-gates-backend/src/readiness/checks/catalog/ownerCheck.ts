import { relationTargetRef } from '@can-i-deploy/plugin-quality-gates-common';
import { ReadinessCheck } from '@can-i-deploy/plugin-quality-gates-node';

/** `spec.owner` is set and names a Group the catalog knows. */
export const ownerCheck: ReadinessCheck = {
  id: 'owner',
  title: 'Owned by a team',
  description:
    'Someone must answer for the component when it breaks: `spec.owner` names a Group in the catalog. A person leaves; a team stays, and a dangling owner reaches nobody.',
  howToFix:
    "Set `spec.owner` in the entity's `catalog-info.yaml` to a Group that exists in the catalog, e.g. `owner: group:default/team-payments`. If the group is missing, add it to your org data.",
  level: 'bronze',
  catalogOnly: true,
  evaluate(entity, { catalog }) {
    const ownerRef = relationTargetRef(entity, 'owner', 'group');
    if (!ownerRef) {
      return {
        state: 'failed',
        message: 'No owner is set.',
        missing: ['spec.owner'],
      };
    }
    const kind = catalog.kindOf(ownerRef);
    const evidence = [{ title: `Owner ${ownerRef}` }];
    if (!kind) {
      return {
        state: 'failed',
        message: `The owner ${ownerRef} is not in the catalog.`,
        missing: [`a catalog entity ${ownerRef}`],
        evidence,
      };
    }
    if (kind.toLowerCase() !== 'group') {
      return {
        state: 'failed',
        message: `The owner ${ownerRef} is a ${kind}, not a Group.`,
        missing: ['an owning Group (team) instead of a single person'],
        evidence,
      };
    }
    return {
      state: 'passed',
      message: `Owned by ${ownerRef}.`,
      evidence,
    };
  },
};
