import { memo, MouseEvent } from 'react';
import { alpha, makeStyles, useTheme } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ErrorIcon from '@material-ui/icons/Error';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { formatDuration } from '../axis/timeAxis';
import { placeInWindow, TimeWindow } from '../axis/timeWindow';
import { CriticalPathSegment } from '../criticalPath';
import { SpanNode, spanEndMicros } from '../spanTree';
import { ROW_HEIGHT, WATERFALL_COLUMNS } from '../waterfallLayout';

/** Deeper spans are indented no further, so that names stay readable. */
const MAX_INDENTED_DEPTH = 24;
const INDENT_PX = 14;
const BAR_HEIGHT = 14;

const useStyles = makeStyles(theme => ({
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: WATERFALL_COLUMNS,
    alignItems: 'center',
    cursor: 'pointer',
    fontSize: theme.typography.body2.fontSize,
    borderBottom: `1px solid ${theme.palette.divider}`,
    boxSizing: 'border-box',
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
    flex: 'none',
    width: 8,
    height: 8,
    marginRight: 4,
    borderRadius: '50%',
    backgroundColor: theme.palette.error.main,
  },
  name: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    height: '100%',
    paddingRight: theme.spacing(1),
  },
  toggle: {
    flex: 'none',
    width: 20,
    height: 20,
    padding: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    cursor: 'pointer',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: 2,
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '& svg': { fontSize: 18 },
  },
  leafSpacer: { flex: 'none', width: 20 },
  error: {
    flex: 'none',
    fontSize: 16,
    marginRight: 2,
    color: theme.palette.error.main,
  },
  nameText: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  deeper: {
    flex: 'none',
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

const CONTAINS_FAILURE = 'contains a failure';

const percent = (fraction: number) => `${fraction * 100}%`;

export interface SpanRowProps {
  node: SpanNode;
  /** Pixels from the top of the list. */
  top: number;
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
  const classes = useStyles();
  const errorColor = useTheme().palette.error.main;
  const { node, window } = props;
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
      style={{ transform: `translateY(${props.top}px)` }}
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
        style={{ paddingLeft: 4 + indentedDepth * INDENT_PX }}
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
            {props.collapsed ? <ChevronRightIcon /> : <ExpandMoreIcon />}
          </button>
        ) : (
          <span className={classes.leafSpacer} />
        )}
        {props.containsFailure && !failed && (
          <span
            className={classes.failureDot}
            title={CONTAINS_FAILURE}
            data-testid="contains-failure"
          />
        )}
        {failed && <ErrorIcon className={classes.error} titleAccess="Failed" />}
        <span className={classes.nameText}>{span.name}</span>
      </div>
      <div className={classes.service} title={span.serviceName}>
        {span.serviceName}
      </div>
      <div className={classes.timeline}>
        {bar.visible && (
          <div
            className={classes.bar}
            style={{
              left: percent(bar.left),
              width: percent(bar.width),
              backgroundColor: failed ? errorColor : props.color,
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
