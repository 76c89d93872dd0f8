import { memo, RefObject } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { WATERFALL_COLUMNS } from '../waterfallLayout';
import { hangsLeft, RulerTick, tickLabelShown } from './timeAxis';

const useStyles = makeStyles(theme => ({
  ruler: {
    display: 'grid',
    gridTemplateColumns: WATERFALL_COLUMNS,
    alignItems: 'end',
    height: 28,
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
    // The rows below have a scroll bar: keep the same room so axes line up.
    overflowY: 'hidden',
    scrollbarGutter: 'stable',
  },
  heading: {
    paddingLeft: theme.spacing(1),
    paddingBottom: 4,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  ticks: {
    position: 'relative',
    height: '100%',
  },
  tick: {
    position: 'absolute',
    bottom: 0,
    height: '100%',
    borderLeft: `1px solid ${theme.palette.divider}`,
    paddingLeft: 3,
    paddingBottom: 4,
    display: 'flex',
    alignItems: 'flex-end',
    whiteSpace: 'nowrap',
  },
  lastTick: {
    borderLeft: 'none',
    borderRight: `1px solid ${theme.palette.divider}`,
    paddingLeft: 0,
    paddingRight: 3,
    transform: 'translateX(-100%)',
  },
}));

/**
 * Column headings and the time axis's ticks, as offsets from the trace's
 * start. `axisRef` is the time axis's box, whose width decides how many
 * ticks have room for their labels.
 */
export function TimeRuler(props: {
  ticks: RulerTick[];
  axisRef?: RefObject<HTMLDivElement>;
  /** The time axis's width in pixels; 0 when not known. */
  axisWidth?: number;
}) {
  const classes = useStyles();
  return (
    <div className={classes.ruler} data-testid="trace-ruler">
      <div className={classes.heading}>Span</div>
      <div className={classes.heading}>Service</div>
      <div className={classes.ticks} ref={props.axisRef}>
        {props.ticks.map((tick, index) => (
          <div
            key={tick.offsetMicros}
            // A label at the right edge would be cut off: it hangs left.
            className={`${classes.tick} ${
              hangsLeft(tick) ? classes.lastTick : ''
            }`}
            style={{ left: `${tick.position * 100}%` }}
            data-testid="trace-ruler-tick"
          >
            {tickLabelShown(props.ticks, index, props.axisWidth ?? 0)
              ? tick.label
              : null}
          </div>
        ))}
      </div>
    </div>
  );
}

const useGridStyles = makeStyles(theme => ({
  lines: {
    // Placed in the time column of the rows' grid: that area is its box.
    gridColumn: 3,
    position: 'absolute',
    inset: 0,
    pointerEvents: 'none',
  },
  line: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
}));

/**
 * Faint vertical lines at the ticks, behind the rows' bars. Memoised: the
 * list around them renders on every scroll, the ticks change only on zoom.
 */
export const TickLines = memo(function TickLinesView(props: {
  ticks: RulerTick[];
}) {
  const classes = useGridStyles();
  return (
    <div className={classes.lines} aria-hidden>
      {props.ticks.map(tick => (
        <div
          key={tick.offsetMicros}
          className={classes.line}
          style={{ left: `${tick.position * 100}%` }}
        />
      ))}
    </div>
  );
});
