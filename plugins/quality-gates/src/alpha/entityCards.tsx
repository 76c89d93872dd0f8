import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { WithLoadedEntity } from '../components/shared/entity/WithLoadedEntity';

/**
 * Overview card: level, score and the checks that need work. A summary, so
 * it sits beside the About card rather than below the relation tables.
 */
export const readinessEntityCard = EntityCardBlueprint.make({
  name: 'readiness',
  params: {
    type: 'info',
    filter: { kind: 'component' },
    loader: () =>
      import('../components/readiness/EntityReadinessCard').then(m => (
        <WithLoadedEntity>
          <m.EntityReadinessCard />
        </WithLoadedEntity>
      )),
  },
});

/**
 * Group and system overview card: the readiness of their components rolled
 * up (levels, failing checks, least ready components).
 */
export const readinessRollupEntityCard = EntityCardBlueprint.make({
  name: 'readiness-rollup',
  params: {
    type: 'content',
    filter: { kind: { $in: ['group', 'system'] } },
    loader: () =>
      import('../components/readiness/EntityReadinessRollupCard').then(m => (
        <WithLoadedEntity>
          <m.EntityReadinessRollupCard />
        </WithLoadedEntity>
      )),
  },
});
