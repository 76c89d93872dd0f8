import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { DayField } from '../DayField';
import { PRESET_DAYS, TimelineRange } from './timelineRange';

const useStyles = makeStyles(theme => ({
  picker: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

/** The backend refuses longer ranges: its row limits are sized for them. */
const MAX_CUSTOM_DAYS = 400;

function customProblem(from: string, to: string): string | undefined {
  if (!from || !to) return 'Pick both days';
  const start = DateTime.fromISO(from);
  const end = DateTime.fromISO(to);
  if (!start.isValid || !end.isValid) return 'Pick both days';
  if (start > end) return 'The first day must not be after the last';
  if (end.diff(start, 'days').days >= MAX_CUSTOM_DAYS) {
    return `At most ${MAX_CUSTOM_DAYS} days`;
  }
  return undefined;
}

/**
 * Last 7, 30 or 90 days, or chosen days; the pressed button is the range
 * shown. Chosen days apply together, so half a range is never requested.
 */
export function RangePicker(props: {
  range: TimelineRange;
  onChange: (range: TimelineRange) => void;
}) {
  const classes = useStyles();
  const { range, onChange } = props;
  const [customOpen, setCustomOpen] = useState(range.kind === 'custom');
  const [from, setFrom] = useState(range.kind === 'custom' ? range.from : '');
  const [to, setTo] = useState(range.kind === 'custom' ? range.to : '');

  // Follow the URL when it changes from elsewhere (a shared link, back).
  useEffect(() => {
    if (range.kind === 'custom') {
      setCustomOpen(true);
      setFrom(range.from);
      setTo(range.to);
    }
  }, [range]);

  const problem = customProblem(from, to);
  const pressed = (active: boolean) => ({
    'aria-pressed': active,
    color: active ? ('primary' as const) : ('default' as const),
    variant: active ? ('contained' as const) : ('outlined' as const),
  });

  return (
    <div className={classes.picker}>
      <ButtonGroup size="small" role="group" aria-label="Range">
        {PRESET_DAYS.map(days => (
          <Button
            key={days}
            {...pressed(range.kind === 'preset' && range.days === days)}
            onClick={() => {
              setCustomOpen(false);
              onChange({ kind: 'preset', days });
            }}
          >
            Last {days} days
          </Button>
        ))}
        <Button
          {...pressed(range.kind === 'custom')}
          onClick={() => setCustomOpen(true)}
        >
          Custom
        </Button>
      </ButtonGroup>
      {customOpen && (
        <form
          className={classes.picker}
          aria-label="Custom range"
          onSubmit={event => {
            event.preventDefault();
            if (!problem) onChange({ kind: 'custom', from, to });
          }}
        >
          <DayField
            id="timeline-range-from"
            label="From"
            value={from}
            onChange={setFrom}
          />
          <DayField
            id="timeline-range-to"
            label="To"
            value={to}
            onChange={setTo}
            problem={from && to ? problem : undefined}
          />
          <Button type="submit" size="small" disabled={!!problem}>
            Apply
          </Button>
        </form>
      )}
    </div>
  );
}
