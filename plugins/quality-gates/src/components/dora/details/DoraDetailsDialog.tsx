import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { DoraMetricName } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TablePagination from '@material-ui/core/TablePagination';
import Typography from '@material-ui/core/Typography';
import { DoraScopeRequest } from '../../../api/QualityGatesApi';
import { countOf } from '../../shared/format/formatNumber';
import { METRIC_TITLES } from '../metrics/metricTitles';
import { DETAIL_TITLES } from './detailColumns';
import { DoraDetailsTable } from './DoraDetailsTable';
import { useDoraDetails } from './useDoraDetails';

const PAGE_SIZES = [10, 25, 50];

/**
 * The rows behind one figure, a page at a time from the server, over the
 * same window as the figure.
 */
export function DoraDetailsDialog(props: {
  scope: DoraScopeRequest;
  metric: DoraMetricName;
  window: { from: string; to: string };
  /** Roll-ups say which component each row belongs to. */
  showComponent: boolean;
  onClose: () => void;
}) {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const details = useDoraDetails({
    scope: props.scope,
    metric: props.metric,
    window: props.window,
    page,
    pageSize,
  });
  const title = `${METRIC_TITLES[props.metric]}: ${DETAIL_TITLES[
    props.metric
  ].toLowerCase()}`;

  const body = () => {
    if (details.error) return <ResponseErrorPanel error={details.error} />;
    if (!details.value) return <Progress />;
    return (
      <>
        <Typography variant="body2" color="textSecondary">
          {countOf(details.value.totalCount, 'row')} in this window
        </Typography>
        <DoraDetailsTable
          metric={props.metric}
          rows={details.value.items}
          showComponent={props.showComponent}
        />
        <TablePagination
          component="div"
          count={details.value.totalCount}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_event, next) => setPage(next)}
          onRowsPerPageChange={event => {
            setPageSize(Number(event.target.value));
            setPage(0);
          }}
        />
      </>
    );
  };

  return (
    <Dialog open onClose={props.onClose} maxWidth="lg" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>{body()}</DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
