import Chip from '@material-ui/core/Chip';
import { pipelineResultStyle } from './pipelineResultStyle';

/** How a run ended, as a small filled chip with a word. */
export function PipelineResultChip(props: { result?: string }) {
  const style = pipelineResultStyle(props.result);
  return (
    <Chip
      size="small"
      label={style.label}
      style={{ backgroundColor: style.color, color: '#fff', fontWeight: 600 }}
      data-result={props.result ?? 'running'}
    />
  );
}
