import {
  EnvironmentState,
  EnvironmentStates,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DeploymentStatusLabel } from '../../DeploymentStatusLabel';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { DataTable } from '../../shared/table/DataTable';
import { lagText } from './lagText';

const useStyles = makeStyles(theme => ({
  version: {
    fontFamily: 'monospace',
    textTransform: 'none',
    padding: theme.spacing(0, 0.5),
    minWidth: 0,
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
}));

const COLUMNS = [
  'Environment',
  'Current version',
  'Deployed',
  'Latest attempt',
  'Ahead of production',
];

function VersionButton(props: {
  version: string;
  label: string;
  onOpen: () => void;
}) {
  const classes = useStyles();
  return (
    <Button
      size="small"
      className={classes.version}
      aria-label={props.label}
      onClick={props.onOpen}
    >
      {props.version}
    </Button>
  );
}

function AheadCell(props: { state: EnvironmentState; production: boolean }) {
  const lag = props.state.aheadOfProduction;
  if (props.production) return <>This is production</>;
  if (!lag) return <>—</>;
  return (
    <>
      {lagText(lag)}
      {lag.oldestWaitingSince && (
        <Typography variant="caption" component="div" color="textSecondary">
          waiting since <RelativeTime iso={lag.oldestWaitingSince} />
        </Typography>
      )}
    </>
  );
}

/**
 * "What is where": the version running in each environment, the latest
 * attempt when it did not become current, and how far production lags.
 */
export function WhatIsWhereTable(props: {
  states: EnvironmentStates;
  onOpenDeployment: (deploymentId: string) => void;
}) {
  const classes = useStyles();
  const { states, onOpenDeployment } = props;
  return (
    <DataTable
      label="What is where"
      columns={COLUMNS}
      items={states.environments}
      empty="No deployment of this entity was received yet."
    >
      {state => {
        const production = state.environment === states.productionEnvironment;
        const { current, latestAttempt } = state;
        return (
          <TableRow
            key={state.environment}
            data-environment={state.environment}
          >
            <TableCell className={classes.nowrap}>
              {state.environment}{' '}
              {production && (
                <Chip size="small" label="Production" variant="outlined" />
              )}
            </TableCell>
            <TableCell>
              {current ? (
                <VersionButton
                  version={current.version}
                  label={`Open the deployment of ${current.version} to ${state.environment}`}
                  onOpen={() => onOpenDeployment(current.deploymentId)}
                />
              ) : (
                'Never deployed successfully'
              )}
            </TableCell>
            <TableCell className={classes.nowrap}>
              {current ? (
                <>
                  <RelativeTime iso={current.deployedAt} />
                  {current.actor ? ` by ${current.actor}` : ''}
                </>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell>
              {latestAttempt ? (
                <>
                  <VersionButton
                    version={latestAttempt.version}
                    label={`Open the latest attempt, ${latestAttempt.version} to ${state.environment}`}
                    onOpen={() => onOpenDeployment(latestAttempt.id)}
                  />{' '}
                  <DeploymentStatusLabel status={latestAttempt.status} />
                  <Typography
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    <RelativeTime iso={latestAttempt.startedAt} />
                  </Typography>
                </>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell>
              <AheadCell state={state} production={production} />
            </TableCell>
          </TableRow>
        );
      }}
    </DataTable>
  );
}
