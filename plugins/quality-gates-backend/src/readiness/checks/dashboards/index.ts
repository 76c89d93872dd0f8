export {
  createDashboardsCheck,
  DASHBOARDS_ANNOTATION,
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
} from './dashboardsCheck';
export type { DashboardsCheckOptions } from './dashboardsCheck';
export { DEFAULT_DASHBOARD_PATHS } from './dashboardsSettings';
