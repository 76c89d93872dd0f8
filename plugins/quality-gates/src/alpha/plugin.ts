import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  gateDecisionRouteRef,
  gateHistoryRouteRef,
  readinessOverviewRouteRef,
} from '../routes';
import { qualityGatesApi } from './apis';
import { readinessEntityCard, readinessRollupEntityCard } from './entityCards';
import {
  canIDeployEntityContent,
  ciPipelinesEntityContent,
  deployTimelineEntityContent,
  doraEntityContent,
  doraRollupEntityContent,
  readinessEntityContent,
} from './entityContents';
import { gateHistoryPage, readinessOverviewPage } from './pages';

/**
 * The quality-gates plugin for the new frontend system. The order of the
 * entity tabs here is their order on the page unless the app's config
 * lists them under `app.extensions`.
 *
 * @alpha
 */
export const qualityGatesPlugin = createFrontendPlugin({
  pluginId: 'quality-gates',
  info: { packageJson: () => import('../../package.json') },
  routes: convertLegacyRouteRefs({
    readinessOverview: readinessOverviewRouteRef,
    gateHistory: gateHistoryRouteRef,
    gateDecision: gateDecisionRouteRef,
  }),
  extensions: [
    qualityGatesApi,
    canIDeployEntityContent,
    readinessEntityContent,
    doraEntityContent,
    deployTimelineEntityContent,
    ciPipelinesEntityContent,
    doraRollupEntityContent,
    readinessEntityCard,
    readinessRollupEntityCard,
    readinessOverviewPage,
    gateHistoryPage,
  ],
});
