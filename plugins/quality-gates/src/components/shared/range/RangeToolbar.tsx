import Typography from '@material-ui/core/Typography';
import { formatDate } from '../format/formatTime';
import { ToolbarRow } from '../ToolbarRow';
import { RangePicker } from './RangePicker';
import { TimelineRange } from './timelineRange';

/** The days a tab shows, and the picker that changes them. */
export function RangeToolbar(props: {
  range: TimelineRange;
  /** The range's times, as requested. */
  window: { from: string; to: string };
  onChange: (range: TimelineRange) => void;
}) {
  return (
    <ToolbarRow>
      <Typography variant="body2" color="textSecondary">
        {formatDate(props.window.from)} – {formatDate(props.window.to)}
      </Typography>
      <RangePicker range={props.range} onChange={props.onChange} />
    </ToolbarRow>
  );
}
