import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import GetAppIcon from '@material-ui/icons/GetApp';
import { DateTime } from 'luxon';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  GateEvaluationFilters,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { downloadBlob } from '../../readiness/ReadinessOverviewPage/downloadBlob';

/** Downloads every evaluation matching the page's filters as CSV. */
export function ExportGateCsvButton(props: { filters: GateEvaluationFilters }) {
  const api = useApi(qualityGatesApiRef);
  const alertApi = useApi(alertApiRef);
  const [state, exportCsv] = useAsyncFn(async () => {
    try {
      const blob = await api.exportGateEvaluations(props.filters);
      downloadBlob(blob, `gate-evaluations-${DateTime.now().toISODate()}.csv`);
    } catch (error) {
      alertApi.post({
        message: `The CSV export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    }
  }, [api, alertApi, props.filters]);

  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={exportCsv}
      disabled={state.loading}
      startIcon={
        state.loading ? <CircularProgress size={16} /> : <GetAppIcon />
      }
    >
      Download CSV
    </Button>
  );
}
