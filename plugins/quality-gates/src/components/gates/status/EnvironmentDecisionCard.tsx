import { Link } from '@backstage/core-components';
import {
  GateDecision,
  GateEvaluation,
  GateOverride,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ActiveOverrides } from '../override/ActiveOverrides';
import { DecisionGates } from '../decision/DecisionGates';
import { DecisionHeadline } from '../decision/DecisionHeadline';
import { EvaluateButton } from './EvaluateButton';
import { UngatedEnvironment } from './UngatedEnvironment';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
  },
  header: {
    paddingBottom: 0,
    '& .MuiCardHeader-action': {
      margin: 0,
      alignSelf: 'center',
    },
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  running: {
    fontFamily: 'monospace',
  },
}));

/** One environment's answer for the chosen version, then why. */
export function EnvironmentDecisionCard(props: {
  environment: string;
  /** False when no central gate applies here; unknown when absent. */
  gated?: boolean;
  runningVersion?: string;
  version: string;
  /** The newest decision about `version` here; none when nobody asked. */
  decision?: GateDecision;
  overrides: GateOverride[];
  evaluating: boolean;
  evaluateError?: Error;
  /** Absent without the permission to evaluate. */
  onEvaluate?: () => void;
  onOverride?: (decision: GateDecision, gateId?: string) => void;
  onRevoke?: (override: GateOverride, gateTitle?: string) => void;
  decisionLink?: string;
}) {
  const classes = useStyles();
  const { decision, environment } = props;
  const gateTitles: Record<string, string> = Object.fromEntries(
    (decision?.evaluations ?? []).map(e => [e.gateId, e.gateTitle]),
  );
  // Nothing decides here unless the component's own file added a gate.
  const ungated =
    props.gated === false && (decision?.evaluations.length ?? 0) === 0;
  const onOverride = ungated ? undefined : props.onOverride;
  const gateAction =
    decision && onOverride
      ? (evaluation: GateEvaluation) => (
          <Button
            size="small"
            variant="outlined"
            onClick={() => onOverride(decision, evaluation.gateId)}
          >
            Override this gate
          </Button>
        )
      : undefined;

  return (
    <Card
      variant="outlined"
      className={classes.card}
      component="section"
      aria-label={`${environment}: can ${props.version} go there?`}
      data-environment-card={environment}
    >
      <CardHeader
        className={classes.header}
        title={environment}
        titleTypographyProps={{ variant: 'h5', component: 'h2' }}
        subheader={
          props.runningVersion ? (
            <>
              runs{' '}
              <span className={classes.running}>{props.runningVersion}</span>
            </>
          ) : (
            'runs nothing recorded yet'
          )
        }
        action={
          props.onEvaluate && (
            <EvaluateButton
              environment={environment}
              evaluating={props.evaluating}
              disabled={!props.version}
              onEvaluate={props.onEvaluate}
            />
          )
        }
      />
      <CardContent className={classes.content}>
        {ungated ? (
          <UngatedEnvironment
            environment={environment}
            decisionLink={decision && props.decisionLink}
          />
        ) : (
          <DecisionHeadline
            decision={decision}
            version={props.version}
            environment={environment}
            actions={
              decision && (
                <>
                  {props.decisionLink && (
                    <Link to={props.decisionLink}>Open this decision</Link>
                  )}
                  {onOverride && decision.answer !== 'yes' && (
                    <Button
                      size="small"
                      variant="outlined"
                      onClick={() => onOverride(decision)}
                    >
                      Override…
                    </Button>
                  )}
                </>
              )
            }
          />
        )}
        {props.evaluateError && (
          <Typography color="error" role="alert">
            Could not evaluate: {props.evaluateError.message}
          </Typography>
        )}
        <ActiveOverrides
          overrides={props.overrides}
          gateTitles={gateTitles}
          onRevoke={
            props.onRevoke &&
            (override =>
              props.onRevoke?.(
                override,
                override.gateId ? gateTitles[override.gateId] : undefined,
              ))
          }
        />
        {decision && <DecisionGates decision={decision} action={gateAction} />}
      </CardContent>
    </Card>
  );
}
