import { memo, MouseEvent } from 'react';
import { alpha, makeStyles } from '@material-ui/core/styles';
import { formatDuration } from '../axis/timeAxis';
import { placeInWindow, TimeWindow } from '../axis/timeWindow';
import { CriticalPathSegment } from '../criticalPath';
import { SpanNode, spanEndMicros } from '../spanTree';
import { ROW_HEIGHT, WATERFALL_COLUMNS } from '../waterfallLayout';

/** Deeper spans are indented no further, so that names stay readable. */
const MAX_INDENTED_DEPTH = 24;
const INDENT_PX = 14;
const BAR_HEIGHT = 14;
/** Room for the expand/collapse button, also kept by rows without one. */
const TOGGLE_PX = 20;

/**
 * The rows' classes: the list asks for them once and hands them to every
 * row, so that mounting a row while flinging costs no style hook of its own.
 */
export const useSpanRowStyles = makeStyles(theme => ({
  row: {
    // In normal flow: the list moves the rendered rows as one. Relative for
    // the failure edge.
    position: 'relative',
    height: ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: WATERFALL_COLUMNS,
    alignItems: 'center',
    cursor: 'pointer',
    fontSize: theme.typography.body2.fontSize,
    borderBottom: `1px solid ${theme.palette.divider}`,
    boxSizing: 'border-box',
    // A row's style and layout never reach past it: rows swapped while
    // flinging are laid out on their own.
    contain: 'strict',
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  matched: {
    backgroundColor: alpha(theme.palette.warning.main, 0.16),
  },
  // After `matched`: the selected match looks selected.
  selected: {
    backgroundColor: theme.palette.action.selected,
    boxShadow: `inset 3px 0 0 ${theme.palette.primary.main}`,
    '&:hover': { backgroundColor: theme.palette.action.selected },
  },
  dimmed: {
    '& > *': { opacity: 0.38 },
  },
  // A red edge on every span that holds a failure, the root included.
  containsFailure: {
    '&::before': {
      content: '""',
      position: 'absolute',
      top: 0,
      bottom: 0,
      left: 0,
      width: 3,
      backgroundColor: theme.palette.error.main,
    },
  },
  failureDot: {
    display: 'inline-block',
    verticalAlign: 'middle',
    width: 8,
    height: 8,
    marginRight: 4,
    borderRadius: '50%',
    backgroundColor: theme.palette.error.main,
  },
  // One line of inline content, so that the span's name is a text node of
  // this cell and no element of its own: fewer elements to mount a row.
  name: {
    minWidth: 0,
    height: '100%',
    lineHeight: `${ROW_HEIGHT - 1}px`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    paddingRight: theme.spacing(1),
  },
  toggle: {
    verticalAlign: 'middle',
    width: TOGGLE_PX,
    height: TOGGLE_PX,
    padding: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: 2,
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  icon: {
    width: 18,
    height: 18,
    fill: 'currentColor',
  },
  collapsedIcon: {
    transform: 'rotate(-90deg)',
  },
  error: {
    verticalAlign: 'middle',
    width: 16,
    height: 16,
    marginRight: 2,
    fill: theme.palette.error.main,
  },
  deeper: {
    marginRight: 4,
    color: theme.palette.text.secondary,
    fontSize: '0.75em',
  },
  service: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: theme.palette.text.secondary,
    paddingRight: theme.spacing(1),
  },
  timeline: {
    position: 'relative',
    height: '100%',
    overflow: 'hidden',
  },
  bar: {
    position: 'absolute',
    top: (ROW_HEIGHT - BAR_HEIGHT) / 2,
    height: BAR_HEIGHT,
    minWidth: 2,
    borderRadius: 2,
  },
  failedBar: {
    backgroundColor: theme.palette.error.main,
  },
  critical: {
    position: 'absolute',
    top: ROW_HEIGHT / 2 - 2,
    height: 4,
    minWidth: 2,
    backgroundColor: theme.palette.type === 'dark' ? '#fff' : '#000',
    opacity: 0.75,
    pointerEvents: 'none',
  },
  duration: {
    position: 'absolute',
    top: 0,
    lineHeight: `${ROW_HEIGHT}px`,
    fontSize: '0.75em',
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
  },
}));

export type SpanRowClasses = ReturnType<typeof useSpanRowStyles>;

const CONTAINS_FAILURE = 'contains a failure';

// Material's ExpandMore and Error icons as plain SVG: a row mounts no icon
// component. Collapsed rows turn the chevron to point right.
const EXPAND_MORE_PATH = 'M16.59 8.59L12 13.17 7.41 8.59 6 10l6 6 6-6z';
const ERROR_PATH =
  'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z';

const percent = (fraction: number) => `${fraction * 100}%`;

export interface SpanRowProps {
  classes: SpanRowClasses;
  node: SpanNode;
  rowId: string;
  color: string;
  window: TimeWindow;
  collapsed: boolean;
  selected: boolean;
  /** A filter is on and this span meets it. */
  matched: boolean;
  /** A filter is on and this span does not meet it. */
  dimmed: boolean;
  /** A span below this one failed (or this is the root of a failed run). */
  containsFailure: boolean;
  /** Shown only when the critical path is switched on. */
  criticalSegments?: CriticalPathSegment[];
  onSelect: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}

/** One span: its name in the tree, its service, its bar on the time axis. */
function SpanRowView(props: SpanRowProps) {
  const { classes, node, window } = props;
  const { span } = node;
  const hasChildren = node.children.length > 0;
  const failed = span.status.code === 'error';
  const bar = placeInWindow(
    window,
    span.startTimeUnixMicros,
    spanEndMicros(span),
  );
  const durationText = formatDuration(span.durationMicros);
  const indentedDepth = Math.min(node.depth, MAX_INDENTED_DEPTH);

  const toggle = (event: MouseEvent) => {
    // The row's own click would select the span as well.
    event.stopPropagation();
    props.onToggle(span.spanId);
  };

  const className = [
    classes.row,
    props.selected && classes.selected,
    props.matched && classes.matched,
    props.dimmed && classes.dimmed,
    props.containsFailure && classes.containsFailure,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    // Keys go to the tree, which keeps the focus and points at the selected
    // row (aria-activedescendant): rows scroll out of the DOM, focus must not.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      id={props.rowId}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-selected={props.selected}
      aria-expanded={hasChildren ? !props.collapsed : undefined}
      aria-label={`${span.name}, ${durationText}${failed ? ', failed' : ''}${
        props.containsFailure ? `, ${CONTAINS_FAILURE}` : ''
      }`}
      className={className}
      onClick={() => props.onSelect(span.spanId)}
      data-testid="trace-row"
      data-span-id={span.spanId}
      data-depth={node.depth}
      data-selected={props.selected || undefined}
      data-match={props.matched || undefined}
      data-dimmed={props.dimmed || undefined}
      data-error={failed || undefined}
      data-contains-failure={props.containsFailure || undefined}
      data-critical={props.criticalSegments ? true : undefined}
    >
      <div
        className={classes.name}
        style={{
          paddingLeft:
            4 + indentedDepth * INDENT_PX + (hasChildren ? 0 : TOGGLE_PX),
        }}
        title={span.name}
      >
        {node.depth > MAX_INDENTED_DEPTH && (
          <span className={classes.deeper}>{node.depth}</span>
        )}
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            className={classes.toggle}
            aria-label={`${props.collapsed ? 'Expand' : 'Collapse'} ${
              span.name
            }`}
            onClick={toggle}
          >
            <svg
              className={`${classes.icon} ${
                props.collapsed ? classes.collapsedIcon : ''
              }`}
              viewBox="0 0 24 24"
              focusable="false"
              aria-hidden
            >
              <path d={EXPAND_MORE_PATH} />
            </svg>
          </button>
        ) : null}
        {props.containsFailure && !failed && (
          <span
            className={classes.failureDot}
            title={CONTAINS_FAILURE}
            data-testid="contains-failure"
          />
        )}
        {failed && (
          <svg
            className={classes.error}
            viewBox="0 0 24 24"
            focusable="false"
            role="img"
          >
            <title>Failed</title>
            <path d={ERROR_PATH} />
          </svg>
        )}
        {span.name}
      </div>
      <div className={classes.service} title={span.serviceName}>
        {span.serviceName}
      </div>
      <div className={classes.timeline}>
        {bar.visible && (
          <div
            className={
              failed ? `${classes.bar} ${classes.failedBar}` : classes.bar
            }
            style={{
              left: percent(bar.left),
              width: percent(bar.width),
              backgroundColor: failed ? undefined : props.color,
            }}
            data-testid="trace-bar"
          />
        )}
        {props.criticalSegments?.map(segment => {
          const place = placeInWindow(
            window,
            segment.startMicros,
            segment.endMicros,
          );
          return place.visible ? (
            <div
              key={segment.startMicros}
              className={classes.critical}
              style={{ left: percent(place.left), width: percent(place.width) }}
              data-testid="critical-path-segment"
            />
          ) : null;
        })}
        {bar.visible && (
          <span
            className={classes.duration}
            style={
              bar.left + bar.width < 0.8
                ? { left: `calc(${percent(bar.left + bar.width)} + 4px)` }
                : { right: `calc(${percent(1 - bar.left)} + 4px)` }
            }
          >
            {durationText}
          </span>
        )}
      </div>
    </div>
  );
}

/** Rows re-render only when what they show changes, not on every scroll. */
export const SpanRow = memo(SpanRowView);
