import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Typography from '@material-ui/core/Typography';
import { GateEvaluationDetail } from '../evidence/GateEvaluationDetail';
import { VerdictStrip } from '../strip/VerdictStrip';
import { GateLane } from './gateLanes';

/**
 * One gate in one environment: its latest evaluation explained, the recent
 * verdicts as a strip, and the override button for those allowed to.
 */
export function GateLaneCard(props: {
  lane: GateLane;
  /** Absent when the user may not override. */
  onOverride?: (evaluation: GateEvaluation) => void;
  onOpen: (evaluationId: string) => void;
}) {
  const { latest, recent } = props.lane;
  const label = `${latest.gateTitle} in ${latest.environment}`;
  return (
    <Card
      variant="outlined"
      component="section"
      aria-label={label}
      data-gate={latest.gateId}
      data-environment={latest.environment}
    >
      <CardHeader
        title={latest.gateTitle}
        titleTypographyProps={{ variant: 'h6', component: 'h3' }}
        subheader={latest.gateId}
      />
      <CardContent>
        <GateEvaluationDetail
          evaluation={latest}
          actions={
            props.onOverride && (
              <Button
                variant="outlined"
                size="small"
                onClick={() => props.onOverride?.(latest)}
              >
                Override verdict
              </Button>
            )
          }
        />
        {recent.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <Typography variant="caption" color="textSecondary" component="p">
              Recent verdicts (oldest first)
            </Typography>
            <VerdictStrip
              points={recent}
              currentId={latest.id}
              label={`Recent verdicts of ${label}`}
              onOpen={props.onOpen}
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
