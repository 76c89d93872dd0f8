import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The entity tab's route. */
export const entityContentRouteRef = createRouteRef({
  id: 'quality-gates:entity-content',
});

/** The entity readiness tab's route. */
export const entityReadinessContentRouteRef = createRouteRef({
  id: 'quality-gates:entity-readiness-content',
});

/**
 * The readiness overview page's route, for apps that link to it.
 *
 * @public
 */
export const readinessOverviewRouteRef = createRouteRef({
  id: 'quality-gates:readiness-overview',
});

/** The entity DORA tab's route. */
export const entityDoraContentRouteRef = createRouteRef({
  id: 'quality-gates:entity-dora-content',
});

/** The DORA roll-up tab's route on group and system pages. */
export const entityDoraRollupContentRouteRef = createRouteRef({
  id: 'quality-gates:entity-dora-rollup-content',
});

/**
 * The gate history page's route, for apps that link to it.
 *
 * @public
 */
export const gateHistoryRouteRef = createRouteRef({
  id: 'quality-gates:gate-history',
});

/**
 * One decision on the gate history page: its own URL, e.g. for the link in
 * a GitHub deployment review's comment.
 *
 * @public
 */
export const gateDecisionRouteRef = createSubRouteRef({
  id: 'quality-gates:gate-decision',
  parent: gateHistoryRouteRef,
  path: '/decisions/:decisionId',
});

/** The entity deploy timeline tab's route. */
export const entityDeliveryTimelineRouteRef = createRouteRef({
  id: 'quality-gates:entity-delivery-timeline',
});

/** The entity CI pipelines tab's route. */
export const entityPipelinesRouteRef = createRouteRef({
  id: 'quality-gates:entity-pipelines',
});
