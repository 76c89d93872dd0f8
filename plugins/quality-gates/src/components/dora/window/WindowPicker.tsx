import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { WINDOW_DAYS, WindowDays } from './doraWindow';

/**
 * Last 30, 90 or 180 days; the pressed button is the window shown. The
 * default window follows the data, so it may be none of them: then it is
 * shown first, as "Last n days".
 */
export function WindowPicker(props: {
  days: number;
  onChange: (days: WindowDays) => void;
}) {
  const preset = (WINDOW_DAYS as readonly number[]).includes(props.days);
  return (
    <ButtonGroup size="small" role="group" aria-label="Window">
      {!preset && (
        <Button aria-pressed color="primary" variant="contained">
          Last {props.days} days
        </Button>
      )}
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
