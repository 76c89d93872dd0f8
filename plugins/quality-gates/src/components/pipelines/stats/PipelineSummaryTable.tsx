import { PipelineStats } from '@can-i-deploy/plugin-quality-gates-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
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
    <TableContainer>
      <Table size="small" aria-label="Pipelines">
        <TableHead>
          <TableRow>
            {COLUMNS.map(title => (
              <TableCell key={title}>{title}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.pipelines.map(pipeline => {
            const shown = pipeline.pipelineName === props.shown;
            return (
              <TableRow
                key={pipeline.pipelineName}
                hover
                selected={shown}
                aria-selected={shown}
                style={{ cursor: 'pointer' }}
                data-pipeline={pipeline.pipelineName}
                onClick={() => props.onShow(pipeline.pipelineName)}
              >
                <TableCell>{pipeline.pipelineName}</TableCell>
                <TableCell>{pipeline.runs}</TableCell>
                <TableCell>{pipeline.failed}</TableCell>
                <TableCell>{formatRate(pipeline.failureRate)}</TableCell>
                <TableCell>{formatPercentiles(pipeline.duration)}</TableCell>
                <TableCell>{formatPercentiles(pipeline.queue)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
