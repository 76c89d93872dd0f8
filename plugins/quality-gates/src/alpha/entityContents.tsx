import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ENTITY_PIPELINES_TAB_PATH } from '../components/shared/links/pipelinesTabLink';
import { ENTITY_READINESS_TAB_PATH } from '../components/shared/links/useEntityLinks';
import { ENTITY_TIMELINE_TAB_PATH } from '../components/shared/links/timelineTabLink';
import { WithLoadedEntity } from '../components/shared/entity/WithLoadedEntity';

// Tabs link to each other (a deployment on the timeline, a run's path to
// production, an entity's readiness) under these paths: an app that changes
// a tab's `path` in config loses those links into that tab.
const components = { kind: 'component' };

/** Entity tab "Can I deploy?": gate answers per environment and deployments. */
export const canIDeployEntityContent = EntityContentBlueprint.make({
  name: 'can-i-deploy',
  params: {
    path: 'quality-gates',
    title: 'Can I deploy?',
    filter: components,
    loader: () =>
      import('../components/EntityQualityGatesContent').then(m => (
        <WithLoadedEntity>
          <m.EntityQualityGatesContent />
        </WithLoadedEntity>
      )),
  },
});

/** Entity tab: production readiness, every check, exemptions and history. */
export const readinessEntityContent = EntityContentBlueprint.make({
  name: 'readiness',
  params: {
    path: ENTITY_READINESS_TAB_PATH,
    title: 'Readiness',
    filter: components,
    loader: () =>
      import('../components/readiness/EntityReadinessContent').then(m => (
        <WithLoadedEntity>
          <m.EntityReadinessContent />
        </WithLoadedEntity>
      )),
  },
});

/** Entity tab: the five DORA metrics of a component. */
export const doraEntityContent = EntityContentBlueprint.make({
  name: 'dora',
  params: {
    path: 'dora',
    title: 'DORA',
    filter: components,
    loader: () =>
      import('../components/dora/EntityDoraContent').then(m => (
        <WithLoadedEntity>
          <m.EntityDoraContent />
        </WithLoadedEntity>
      )),
  },
});

/** Entity tab: deployments, decisions and incidents with environments as lanes. */
export const deployTimelineEntityContent = EntityContentBlueprint.make({
  name: 'deploy-timeline',
  params: {
    path: ENTITY_TIMELINE_TAB_PATH,
    title: 'Deploy timeline',
    filter: components,
    loader: () =>
      import('../components/timeline').then(m => (
        <WithLoadedEntity>
          <m.EntityDeliveryTimelineContent />
        </WithLoadedEntity>
      )),
  },
});

/** Entity tab: CI runs, pipeline statistics and trace waterfalls. */
export const ciPipelinesEntityContent = EntityContentBlueprint.make({
  name: 'ci-pipelines',
  params: {
    path: ENTITY_PIPELINES_TAB_PATH,
    title: 'CI pipelines',
    filter: components,
    loader: () =>
      import('../components/pipelines').then(m => (
        <WithLoadedEntity>
          <m.EntityPipelinesContent />
        </WithLoadedEntity>
      )),
  },
});

/**
 * Group and system tab: the DORA metrics of the components a group owns or
 * a system holds. Same path as the component tab: one never shows on the
 * other's entities.
 */
export const doraRollupEntityContent = EntityContentBlueprint.make({
  name: 'dora-rollup',
  params: {
    path: 'dora',
    title: 'DORA',
    filter: { kind: { $in: ['group', 'system'] } },
    loader: () =>
      import('../components/dora/EntityDoraRollupContent').then(m => (
        <WithLoadedEntity>
          <m.EntityDoraRollupContent />
        </WithLoadedEntity>
      )),
  },
});
