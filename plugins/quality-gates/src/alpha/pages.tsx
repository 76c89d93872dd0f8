import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import ReadinessIcon from '@material-ui/icons/AssignmentTurnedIn';
import GateHistoryIcon from '@material-ui/icons/History';
import { gateHistoryRouteRef, readinessOverviewRouteRef } from '../routes';

// The pages bring their own header, as in the legacy app: the framework's
// plugin header would show the title twice. The configured `title` names
// both the nav item and the page.

/** The platform team's readiness overview, with its nav item. */
export const readinessOverviewPage = PageBlueprint.makeWithOverrides({
  name: 'readiness-overview',
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/readiness',
      title: 'Readiness',
      icon: <ReadinessIcon fontSize="inherit" />,
      noHeader: true,
      routeRef: convertLegacyRouteRef(readinessOverviewRouteRef),
      loader: () =>
        import('../components/readiness/ReadinessOverviewPage').then(m => (
          <m.ReadinessOverviewPage title={config.title} />
        )),
    });
  },
});

/** The gate history review, decisions under `decisions/:decisionId`. */
export const gateHistoryPage = PageBlueprint.makeWithOverrides({
  name: 'gate-history',
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/gate-history',
      title: 'Gate history',
      icon: <GateHistoryIcon fontSize="inherit" />,
      noHeader: true,
      routeRef: convertLegacyRouteRef(gateHistoryRouteRef),
      loader: () =>
        import('../components/gates/historyPage').then(m => (
          <m.GateHistoryPage title={config.title} />
        )),
    });
  },
});
