import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { WINDOW_DAYS, WindowDays } from './doraWindow';

/** Last 30, 90 or 180 days; the pressed button is the window shown. */
export function WindowPicker(props: {
  days: WindowDays;
  onChange: (days: WindowDays) => void;
}) {
  return (
    <ButtonGroup size="small" role="group" aria-label="Window">
      {WINDOW_DAYS.map(days => (
        <Button
          key={days}
          aria-pressed={props.days === days}
          color={props.days === days ? 'primary' : 'default'}
          variant={props.days === days ? 'contained' : 'outlined'}
          onClick={() => props.onChange(days)}
        >
          Last {days} days
        </Button>
      ))}
    </ButtonGroup>
  );
}
