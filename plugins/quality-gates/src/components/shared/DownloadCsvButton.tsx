import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import GetAppIcon from '@material-ui/icons/GetApp';
import { DateTime } from 'luxon';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { downloadBlob } from './downloadBlob';

/**
 * Fetches a CSV export with the user's credentials and saves it as
 * `<name>-<date>.csv`; a failure is reported, not swallowed.
 */
export function DownloadCsvButton(props: {
  name: string;
  fetchCsv: () => Promise<Blob>;
}) {
  const alertApi = useApi(alertApiRef);
  const { name, fetchCsv } = props;
  const [state, download] = useAsyncFn(async () => {
    try {
      downloadBlob(
        await fetchCsv(),
        `${name}-${DateTime.now().toISODate()}.csv`,
      );
    } catch (error) {
      alertApi.post({
        message: `The CSV export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    }
  }, [alertApi, name, fetchCsv]);

  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={download}
      disabled={state.loading}
      startIcon={
        state.loading ? <CircularProgress size={16} /> : <GetAppIcon />
      }
    >
      Download CSV
    </Button>
  );
}
