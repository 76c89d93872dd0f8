import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { TraceWaterfall } from '../../traces';

const WATERFALL_HEIGHT = 520;

/** The trace of one run as a waterfall, or why there is none. */
export function RunTracePanel(props: {
  /** e.g. `build #412`. */
  title: string;
  traceId?: string;
  onClose: () => void;
}) {
  const api = useApi(qualityGatesApiRef);
  const { traceId } = props;
  const trace = useAsync(
    async () => (traceId ? api.getTrace(traceId) : undefined),
    [api, traceId],
  );

  const body = () => {
    if (!traceId) {
      return (
        <Typography variant="body2" color="textSecondary">
          No trace was received for this run.
        </Typography>
      );
    }
    if (trace.error) return <ResponseErrorPanel error={trace.error} />;
    if (!trace.value) return <Progress />;
    return (
      <TraceWaterfall spans={trace.value.spans} height={WATERFALL_HEIGHT} />
    );
  };

  return (
    <InfoCard
      title={`Trace of ${props.title}`}
      subheader={traceId ? `Trace ${traceId}` : undefined}
      action={<Button onClick={props.onClose}>Close</Button>}
    >
      <section aria-label="Run trace">{body()}</section>
    </InfoCard>
  );
}
