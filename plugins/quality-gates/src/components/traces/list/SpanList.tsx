import {
  forwardRef,
  KeyboardEvent,
  useCallback,
  useImperativeHandle,
  useRef,
} from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useVirtualizer, VirtualizerOptions } from '@tanstack/react-virtual';
import { RulerTick } from '../axis/timeAxis';
import { TickLines } from '../axis/TimeRuler';
import { TimeWindow } from '../axis/timeWindow';
import { CriticalPathSegment } from '../criticalPath';
import { SpanFilterResult } from '../filterSpans';
import { serviceColor } from '../row/serviceColors';
import { SpanRow, useSpanRowStyles } from '../row/SpanRow';
import { SpanNode } from '../spanTree';
import { ROW_HEIGHT, WATERFALL_COLUMNS } from '../waterfallLayout';

/**
 * Rows rendered beyond each edge of the viewport. The list re-renders in
 * its scroll listener, before the frame is drawn, so these only cover what
 * the browser scrolls ahead of that; more would be more rows to swap in
 * every frame of a fling.
 */
const OVERSCAN_ROWS = 6;

/** A viewport size, for environments that do not lay pages out. */
export interface ViewportSize {
  width: number;
  height: number;
}

/** What the waterfall asks of its list. */
export interface SpanListHandle {
  /** `center` for jumps from afar; `auto` scrolls only as far as needed. */
  scrollToRow(index: number, align: 'auto' | 'center'): void;
  scrollToTop(): void;
  focus(): void;
}

const useStyles = makeStyles(theme => ({
  scroller: {
    overflowY: 'auto',
    // Nothing inside changes the size of what is around it.
    contain: 'strict',
    scrollbarGutter: 'stable',
    // Scrolled by the compositor: rows that stay in view are moved, not
    // painted and rasterised again every frame. Chromium leaves a scroller
    // like this one to the main thread unless told; the opaque background
    // keeps its text sharp when it is composited.
    willChange: 'scroll-position',
    backgroundColor: theme.palette.background.paper,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  none: {
    padding: theme.spacing(0.5, 1),
    color: theme.palette.text.secondary,
  },
  rows: {
    position: 'relative',
    width: '100%',
    display: 'grid',
    gridTemplateColumns: WATERFALL_COLUMNS,
  },
  // The rendered rows, in normal flow, moved as one to the first one's place.
  // A transform or an absolute position per row made every row its own
  // positioned box in the grid, laid out again whenever rows came or went:
  // in the bench's fling this took half the main thread's time.
  shown: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
  },
}));

/** Reports the given size instead of measuring: see `initialRect`. */
function fixedViewport(size: ViewportSize) {
  return (
    _instance: unknown,
    report: (rect: { width: number; height: number }) => void,
  ) => {
    report(size);
    return () => {};
  };
}

const rowSize = () => ROW_HEIGHT;

export interface SpanListProps {
  rows: SpanNode[];
  /** The scrolling area's largest height in pixels. */
  maxHeight: number;
  initialRect?: ViewportSize;
  rowIdPrefix: string;
  /** The selected row's element id, when that row is in the list. */
  activeRowId?: string;
  timeWindow: TimeWindow;
  ticks: RulerTick[];
  collapsed: ReadonlySet<string>;
  selectedId?: string;
  filter: SpanFilterResult;
  /** Spans with a failed span below them. */
  containsFailureIds: ReadonlySet<string>;
  /** Absent while the critical path is switched off. */
  criticalPath?: ReadonlyMap<string, CriticalPathSegment[]>;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onRowClick: (spanId: string) => void;
  onToggle: (spanId: string) => void;
}

export function spanRowId(prefix: string, spanId: string): string {
  return `${prefix}-${spanId}`;
}

/**
 * The rows, virtualised: only those in view (and a few either side) are in
 * the DOM. Scrolling re-renders this list alone, and each row only when
 * what it shows changed.
 */
export const SpanList = forwardRef<SpanListHandle, SpanListProps>(
  function SpanListView(props, ref) {
    const classes = useStyles();
    const rowClasses = useSpanRowStyles();
    const { rows, initialRect, filter, selectedId } = props;
    const scrollRef = useRef<HTMLDivElement>(null);

    const rowKey = useCallback(
      (index: number) => rows[index].span.spanId,
      [rows],
    );
    const options: Partial<
      VirtualizerOptions<HTMLDivElement, HTMLDivElement>
    > & {
      count: number;
      getScrollElement: () => HTMLDivElement | null;
      estimateSize: (index: number) => number;
    } = {
      count: rows.length,
      getScrollElement: () => scrollRef.current,
      estimateSize: rowSize,
      getItemKey: rowKey,
      overscan: OVERSCAN_ROWS,
    };
    if (initialRect) {
      options.initialRect = initialRect;
      options.observeElementRect = fixedViewport(initialRect);
    }
    const virtualizer = useVirtualizer(options);

    useImperativeHandle(
      ref,
      () => ({
        scrollToRow: (index, align) =>
          virtualizer.scrollToIndex(index, { align }),
        scrollToTop: () => virtualizer.scrollToOffset(0),
        focus: () => scrollRef.current?.focus({ preventScroll: true }),
      }),
      [virtualizer],
    );

    const totalHeight = virtualizer.getTotalSize();
    const items = virtualizer.getVirtualItems();

    return (
      <div
        ref={scrollRef}
        className={classes.scroller}
        // Short traces take the room they need, long ones scroll.
        style={{ height: Math.min(props.maxHeight, totalHeight) || ROW_HEIGHT }}
        role="tree"
        aria-label="Spans"
        tabIndex={0}
        aria-activedescendant={props.activeRowId}
        onKeyDown={props.onKeyDown}
        data-testid="trace-rows"
      >
        {rows.length === 0 && (
          <Typography variant="body2" className={classes.none}>
            No span matches.
          </Typography>
        )}
        <div className={classes.rows} style={{ height: totalHeight }}>
          <TickLines ticks={props.ticks} />
          <div
            className={classes.shown}
            style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
            data-testid="trace-rows-shown"
          >
            {items.map(item => {
              const node = rows[item.index];
              const { spanId } = node.span;
              const matched = filter.active && filter.matchIds.has(spanId);
              return (
                <SpanRow
                  key={item.key}
                  classes={rowClasses}
                  node={node}
                  rowId={spanRowId(props.rowIdPrefix, spanId)}
                  color={serviceColor(node.span.serviceName)}
                  window={props.timeWindow}
                  collapsed={props.collapsed.has(spanId)}
                  selected={spanId === selectedId}
                  matched={matched}
                  dimmed={filter.active && !matched}
                  containsFailure={props.containsFailureIds.has(spanId)}
                  criticalSegments={props.criticalPath?.get(spanId)}
                  onSelect={props.onRowClick}
                  onToggle={props.onToggle}
                />
              );
            })}
          </div>
        </div>
      </div>
    );
  },
);
