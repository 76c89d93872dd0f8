import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { qualityGatesApiRef } from './api/QualityGatesApi';
import { QualityGatesClient } from './api/QualityGatesClient';
import {
  entityContentRouteRef,
  entityDeliveryTimelineRouteRef,
  entityPipelinesRouteRef,
  entityDoraContentRouteRef,
  entityDoraRollupContentRouteRef,
  entityReadinessContentRouteRef,
  gateDecisionRouteRef,
  gateHistoryRouteRef,
  readinessOverviewRouteRef,
} from './routes';

/**
 * The quality-gates frontend plugin.
 *
 * @public
 */
export const qualityGatesPlugin = createPlugin({
  id: 'quality-gates',
  apis: [
    createApiFactory({
      api: qualityGatesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new QualityGatesClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: entityContentRouteRef,
    entityReadinessContent: entityReadinessContentRouteRef,
    readinessOverview: readinessOverviewRouteRef,
    entityDoraContent: entityDoraContentRouteRef,
    entityDoraRollupContent: entityDoraRollupContentRouteRef,
    gateHistory: gateHistoryRouteRef,
    gateDecision: gateDecisionRouteRef,
    entityDeliveryTimeline: entityDeliveryTimelineRouteRef,
    entityPipelines: entityPipelinesRouteRef,
  },
});

/**
 * Entity page tab: "Can I deploy?" for the current entity.
 *
 * @public
 */
export const EntityQualityGatesContent: () => JSX.Element =
  qualityGatesPlugin.provide(
    createRoutableExtension({
      name: 'EntityQualityGatesContent',
      component: () =>
        import('./components/EntityQualityGatesContent').then(
          m => m.EntityQualityGatesContent,
        ),
      mountPoint: entityContentRouteRef,
    }),
  );

/**
 * Entity page tab: production readiness of the current entity, with every
 * check, exemptions and history.
 *
 * @public
 */
export const EntityReadinessContent: () => JSX.Element | null =
  qualityGatesPlugin.provide(
    createRoutableExtension({
      name: 'EntityReadinessContent',
      component: () =>
        import('./components/readiness/EntityReadinessContent').then(
          m => m.EntityReadinessContent,
        ),
      mountPoint: entityReadinessContentRouteRef,
    }),
  );

/**
 * Entity overview card: level, score and the checks that need work.
 *
 * @public
 */
export const EntityReadinessCard: () => JSX.Element =
  qualityGatesPlugin.provide(
    createComponentExtension({
      name: 'EntityReadinessCard',
      component: {
        lazy: () =>
          import('./components/readiness/EntityReadinessCard').then(
            m => m.EntityReadinessCard,
          ),
      },
    }),
  );

/**
 * Group and system overview card: how many of its components are at each
 * readiness level, the checks failing for the most of them, and the least
 * ready components, linked to their readiness tabs.
 *
 * @public
 */
export const EntityReadinessRollupCard: () => JSX.Element =
  qualityGatesPlugin.provide(
    createComponentExtension({
      name: 'EntityReadinessRollupCard',
      component: {
        lazy: () =>
          import('./components/readiness/EntityReadinessRollupCard').then(
            m => m.EntityReadinessRollupCard,
          ),
      },
    }),
  );

/**
 * The platform team's page: readiness of every evaluated entity, filtered,
 * sorted and exported as CSV.
 *
 * @public
 */
export const ReadinessOverviewPage: (props: { title?: string }) => JSX.Element =
  qualityGatesPlugin.provide(
    createRoutableExtension({
      name: 'ReadinessOverviewPage',
      component: () =>
        import('./components/readiness/ReadinessOverviewPage').then(
          m => m.ReadinessOverviewPage,
        ),
      mountPoint: readinessOverviewRouteRef,
    }),
  );

/**
 * Entity page tab: the five DORA metrics of the current entity, with their
 * bands, change, weekly trend and the rows behind each figure.
 *
 * @public
 */
export const EntityDoraContent: () => JSX.Element = qualityGatesPlugin.provide(
  createRoutableExtension({
    name: 'EntityDoraContent',
    component: () =>
      import('./components/dora/EntityDoraContent').then(
        m => m.EntityDoraContent,
      ),
    mountPoint: entityDoraContentRouteRef,
  }),
);

/**
 * Entity page tab: deployments, gate decisions, rollbacks and incidents on
 * one time axis with environments as lanes, and what version runs where.
 * Mount it at `ENTITY_TIMELINE_TAB_PATH` for the links between tabs.
 *
 * @public
 */
export const EntityDeliveryTimelineContent: () => JSX.Element =
  qualityGatesPlugin.provide(
    createRoutableExtension({
      name: 'EntityDeliveryTimelineContent',
      component: () =>
        import('./components/timeline').then(
          m => m.EntityDeliveryTimelineContent,
        ),
      mountPoint: entityDeliveryTimelineRouteRef,
    }),
  );

/**
 * Entity page tab: CI pipeline runs, each pipeline's statistics per task
 * over time, a run's trace as a waterfall, and a version's path to
 * production. Mount it at `ENTITY_PIPELINES_TAB_PATH` for the links between
 * tabs.
 *
 * @public
 */
export const EntityPipelinesContent: () => JSX.Element =
  qualityGatesPlugin.provide(
    createRoutableExtension({
      name: 'EntityPipelinesContent',
      component: () =>
        import('./components/pipelines').then(m => m.EntityPipelinesContent),
      mountPoint: entityPipelinesRouteRef,
    }),
  );

/**
 * Group or system page tab: the DORA metrics of the components the group
 * owns or the system holds, rolled up.
 *
 * @public
 */
export const EntityDoraRollupContent: () => JSX.Element =
  qualityGatesPlugin.provide(
    createRoutableExtension({
      name: 'EntityDoraRollupContent',
      component: () =>
        import('./components/dora/EntityDoraRollupContent').then(
          m => m.EntityDoraRollupContent,
        ),
      mountPoint: entityDoraRollupContentRouteRef,
    }),
  );

/**
 * "Can I deploy?" for the current entity: for a chosen version (by default
 * the next to promote), each environment's answer with its sentence, an
 * "Evaluate now" button, overrides and every gate's evidence. The
 * "Can I deploy?" tab shows it above the deployments.
 *
 * @public
 */
export const EntityGateStatusContent: () => JSX.Element =
  qualityGatesPlugin.provide(
    createComponentExtension({
      name: 'EntityGateStatusContent',
      component: {
        lazy: () =>
          import('./components/gates/status').then(
            m => m.EntityGateStatusContent,
          ),
      },
    }),
  );

/**
 * The platform team's review page: every decision (one per question asked,
 * each on its own page under `decisions/:decisionId`), every gate
 * evaluation with its evidence and CSV export, and the gates' effectiveness.
 *
 * @public
 */
export const GateHistoryPage: (props: { title?: string }) => JSX.Element =
  qualityGatesPlugin.provide(
    createRoutableExtension({
      name: 'GateHistoryPage',
      component: () =>
        import('./components/gates/historyPage').then(m => m.GateHistoryPage),
      mountPoint: gateHistoryRouteRef,
    }),
  );
