import { ReactNode, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  DoraMetricName,
  DoraMetricsResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DoraScopeRequest } from '../../../api/QualityGatesApi';
import { formatDate } from '../../shared/format/formatTime';
import { ToolbarRow } from '../../shared/ToolbarRow';
import { DoraDetailsDialog } from '../details/DoraDetailsDialog';
import { NoProductionDeployments } from '../empty/NoProductionDeployments';
import { doraTiles } from '../metrics/doraTiles';
import { DoraTiles } from '../tiles/DoraTiles';
import { DoraTrendCharts } from '../trend/DoraTrendCharts';
import { WindowDays } from '../window/doraWindow';
import { WindowPicker } from '../window/WindowPicker';
import { useDoraFigures } from './useDoraFigures';

function hasProductionDeployments(response: DoraMetricsResponse): boolean {
  const { current } = response;
  // Failed deployments never reached production but still count as tried.
  return (
    current.deploymentFrequency.deployments > 0 ||
    current.changeFailureRate.deployments > 0
  );
}

function windowCaption(response: DoraMetricsResponse): string {
  const { window, environments } = response;
  return `${formatDate(window.from)} – ${formatDate(window.to)} · production: ${
    environments.join(', ') || 'none configured'
  }`;
}

/**
 * The DORA figures of one scope: window picker, five tiles, the drill-down
 * behind each, and the weekly trend. `scope` must be memoised.
 */
export function DoraDashboard(props: {
  scope: DoraScopeRequest;
  /** Shown above the tiles, e.g. what a roll-up covers. */
  header?: (response: DoraMetricsResponse) => ReactNode;
}) {
  // Unset: the backend's default window, which follows the data.
  const [days, setDays] = useState<WindowDays>();
  const [openMetric, setOpenMetric] = useState<DoraMetricName>();
  const { metrics, trend } = useDoraFigures(props.scope, days);

  if (metrics.error) return <ResponseErrorPanel error={metrics.error} />;
  const response = metrics.value;
  if (!response) return <Progress />;
  const shownDays = Math.round(response.window.days);

  return (
    <Grid container spacing={3}>
      <ToolbarRow>
        <div>
          {props.header?.(response)}
          <Typography variant="body2" color="textSecondary">
            {windowCaption(response)}
          </Typography>
        </div>
        <WindowPicker days={days ?? shownDays} onChange={setDays} />
      </ToolbarRow>
      {metrics.loading && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {hasProductionDeployments(response) ? (
        <>
          <Grid item xs={12}>
            <DoraTiles
              tiles={doraTiles(response)}
              previousDays={shownDays}
              onOpen={setOpenMetric}
            />
          </Grid>
          <Grid item xs={12}>
            <Typography variant="h6" component="h2" gutterBottom>
              Weekly trend
            </Typography>
            {trend.error && (
              <ResponseErrorPanel title="No trend" error={trend.error} />
            )}
            {trend.value && <DoraTrendCharts items={trend.value.items} />}
          </Grid>
        </>
      ) : (
        <Grid item xs={12}>
          <NoProductionDeployments
            scope={response.scope}
            environments={response.environments}
            days={shownDays}
          />
        </Grid>
      )}
      {openMetric && (
        <DoraDetailsDialog
          scope={props.scope}
          metric={openMetric}
          window={response.window}
          showComponent={response.scope.kind !== 'entity'}
          onClose={() => setOpenMetric(undefined)}
        />
      )}
    </Grid>
  );
}
