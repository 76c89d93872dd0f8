import { PipelineStats } from '@can-i-deploy/plugin-quality-gates-common';
import TableCell from '@material-ui/core/TableCell';
import { ClickableRow } from '../../shared/table/ClickableRow';
import { DataTable } from '../../shared/table/DataTable';
import { formatPercentiles, formatRate } from './formatStats';

const COLUMNS = [
  'Pipeline',
  'Runs',
  'Failed',
  'Failure rate',
  'Duration p50 / p95',
  'Queue p50 / p95',
];

/** Every pipeline of the entity in the range; a row shows it in detail. */
export function PipelineSummaryTable(props: {
  pipelines: PipelineStats[];
  shown?: string;
  onShow: (pipelineName: string) => void;
}) {
  return (
    <DataTable label="Pipelines" columns={COLUMNS} items={props.pipelines}>
      {pipeline => (
        <ClickableRow
          key={pipeline.pipelineName}
          selected={pipeline.pipelineName === props.shown}
          data-pipeline={pipeline.pipelineName}
          onClick={() => props.onShow(pipeline.pipelineName)}
        >
          <TableCell>{pipeline.pipelineName}</TableCell>
          <TableCell>{pipeline.runs}</TableCell>
          <TableCell>{pipeline.failed}</TableCell>
          <TableCell>{formatRate(pipeline.failureRate)}</TableCell>
          <TableCell>{formatPercentiles(pipeline.duration)}</TableCell>
          <TableCell>{formatPercentiles(pipeline.queue)}</TableCell>
        </ClickableRow>
      )}
    </DataTable>
  );
}
