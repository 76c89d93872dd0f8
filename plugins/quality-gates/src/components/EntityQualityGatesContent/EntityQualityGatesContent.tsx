import Grid from '@material-ui/core/Grid';
import { EntityGateStatusContent } from '../gates/status';
import { DeploymentHistory } from './DeploymentHistory';

/**
 * The entity tab: what the gates decided for each environment, then which
 * version runs where and the deployments behind it.
 */
export function EntityQualityGatesContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EntityGateStatusContent />
      </Grid>
      <Grid item xs={12}>
        <DeploymentHistory />
      </Grid>
    </Grid>
  );
}
