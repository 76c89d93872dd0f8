import {
  KeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { EmptyState } from '@backstage/core-components';
import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import { makeStyles } from '@material-ui/core/styles';
import {
  formatDuration,
  maxTicksFor,
  parseDuration,
  rulerTicks,
} from './axis/timeAxis';
import { useElementWidth } from '../shared/useElementWidth';
import { TimeRuler } from './axis/TimeRuler';
import { WHOLE_TRACE, windowOfZoom, Zoom } from './axis/timeWindow';
import { computeCriticalPath } from './criticalPath';
import { SpanDetailPanel } from './detail/SpanDetailPanel';
import { nextFailure, traceFailures } from './failures/traceFailures';
import { filterSpans, indexSpansForSearch, stepMatch } from './filterSpans';
import { keyboardMove } from './keyboardNavigation';
import {
  SpanList,
  SpanListHandle,
  spanRowId,
  ViewportSize,
} from './list/SpanList';
import { minimapPaths } from './minimap/minimapPaths';
import { TraceMinimap } from './minimap/TraceMinimap';
import {
  buildSpanTree,
  flattenSpanTree,
  parentSpanIds,
  revealNode,
  shownNode,
  SpanTree,
} from './spanTree';
import { TraceSummary } from './summary/TraceSummary';
import { WaterfallToolbar } from './toolbar/WaterfallToolbar';
import { DEFAULT_HEIGHT } from './waterfallLayout';

export type { ViewportSize } from './list/SpanList';

/** @public */
export interface TraceWaterfallProps {
  /** The trace's spans, as the trace endpoint returns them. */
  spans: TraceSpan[];
  /** A span to select, reveal and show the details of at first. */
  initialSelectedSpanId?: string;
  /**
   * The run of this trace failed: it opens on its first failed span (unless
   * `initialSelectedSpanId` is given) and its roots are marked as holding a
   * failure.
   */
  runFailed?: boolean;
  /** Largest height of the rows' scrolling area in pixels; 600 unless given. */
  height?: number;
  /**
   * The rows' viewport size to use instead of measuring it. Only for
   * tests: jsdom lays nothing out, so a measured viewport shows no rows.
   */
  initialRect?: ViewportSize;
}

const DETAIL_WIDTH = 400;
/** The details need some room even beside a trace of three spans. */
const DETAIL_MIN_HEIGHT = 420;

const useStyles = makeStyles(theme => ({
  body: {
    display: 'flex',
    alignItems: 'stretch',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  timeline: {
    flex: 1,
    minWidth: 0,
  },
  detail: {
    position: 'relative',
    flex: 'none',
    width: DETAIL_WIDTH,
    maxWidth: '45%',
    minHeight: DETAIL_MIN_HEIGHT,
    '& > *': { position: 'absolute', inset: 0 },
  },
  empty: {
    padding: theme.spacing(1, 0),
  },
}));

/** A span to scroll to once the rows that show it are rendered. */
interface ScrollTarget {
  spanId: string;
  align: 'auto' | 'center';
}

function Waterfall(props: {
  tree: SpanTree;
  initialSelectedSpanId?: string;
  runFailed?: boolean;
  height: number;
  initialRect?: ViewportSize;
}) {
  const { tree } = props;
  const classes = useStyles();
  const rowIdPrefix = useId();
  const list = useRef<SpanListHandle>(null);

  // Per trace, once: never on scroll, selection or typing.
  const critical = useMemo(() => computeCriticalPath(tree), [tree]);
  // Built on the first search, not before the first rows show.
  const searchIndex = useMemo(() => {
    let texts: string[] | undefined;
    return () => (texts ??= indexSpansForSearch(tree));
  }, [tree]);
  const overview = useMemo(
    () => minimapPaths(tree, critical),
    [tree, critical],
  );

  const failures = useMemo(
    () => traceFailures(tree, props.runFailed),
    [tree, props.runFailed],
  );

  // Asked for, else where a failed run went wrong.
  const initialSpanId =
    props.initialSelectedSpanId ??
    (props.runFailed ? failures.failedIds[0] : undefined);
  const initialSpan = initialSpanId ? tree.byId.get(initialSpanId) : undefined;
  const [selectedId, setSelectedId] = useState(initialSpan?.span.spanId);
  const [detailOpen, setDetailOpen] = useState(initialSpan !== undefined);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(
    () => new Set(),
  );
  const [searchText, setSearchText] = useState('');
  const [minDurationText, setMinDurationText] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [showCriticalPath, setShowCriticalPath] = useState(true);
  const [zoom, setZoom] = useState<Zoom>(WHOLE_TRACE);

  // Typing stays responsive while 10,000 spans are searched behind it.
  const deferredSearchText = useDeferredValue(searchText);
  const minDuration = parseDuration(minDurationText);
  const minDurationInvalid = Number.isNaN(minDuration);
  const filter = useMemo(
    () =>
      filterSpans(
        tree,
        {
          text: deferredSearchText,
          minDurationMicros: minDurationInvalid ? undefined : minDuration,
        },
        searchIndex,
      ),
    [tree, searchIndex, deferredSearchText, minDuration, minDurationInvalid],
  );
  const narrowToMatches = onlyMatches && filter.active;

  const rows = useMemo(
    () =>
      flattenSpanTree(
        tree,
        collapsed,
        narrowToMatches ? filter.keptIds : undefined,
      ),
    [tree, collapsed, narrowToMatches, filter],
  );
  const rowIndexById = useMemo(
    () => new Map(rows.map((node, index) => [node.span.spanId, index])),
    [rows],
  );

  const scrollTarget = useRef<ScrollTarget | undefined>(
    initialSpan && { spanId: initialSpan.span.spanId, align: 'center' },
  );
  useEffect(() => {
    const target = scrollTarget.current;
    if (target === undefined) return;
    scrollTarget.current = undefined;
    const index = rowIndexById.get(target.spanId);
    if (index !== undefined) list.current?.scrollToRow(index, target.align);
  });

  const selectSpan = (
    spanId: string,
    options: { open?: boolean; align?: ScrollTarget['align'] } = {},
  ) => {
    const node = tree.byId.get(spanId);
    if (!node) return;
    setCollapsed(current => revealNode(current, node));
    if (narrowToMatches && !filter.keptIds.has(spanId)) setOnlyMatches(false);
    setSelectedId(spanId);
    if (options.open) setDetailOpen(true);
    scrollTarget.current = { spanId, align: options.align ?? 'center' };
  };
  // Rows are memoised: they get callbacks that never change.
  const selectSpanRef = useRef(selectSpan);
  selectSpanRef.current = selectSpan;
  const openSpan = useCallback(
    (spanId: string) => selectSpanRef.current(spanId, { open: true }),
    [],
  );
  // The tree holds the focus for its rows, so keys work after a click.
  const clickRow = useCallback((spanId: string) => {
    list.current?.focus();
    selectSpanRef.current(spanId, { open: true, align: 'auto' });
  }, []);
  const toggleSpan = useCallback((spanId: string) => {
    setCollapsed(current => {
      const next = new Set(current);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });
  }, []);

  // A new search selects its first match.
  useEffect(() => {
    const first = filter.orderedMatchIds[0];
    if (filter.active && first !== undefined) selectSpanRef.current(first);
  }, [filter]);

  const matchPosition = useMemo(
    () =>
      filter.active && selectedId !== undefined
        ? filter.orderedMatchIds.indexOf(selectedId)
        : -1,
    [filter, selectedId],
  );
  const stepToMatch = (step: 1 | -1) => {
    const next = stepMatch(tree, filter.orderedMatchIds, selectedId, step);
    if (next !== undefined) selectSpan(next);
  };

  const stepToFailure = () => {
    const next = nextFailure(tree, failures.failedIds, selectedId);
    if (next !== undefined) selectSpan(next, { open: true });
  };

  const collapseAll = () => {
    const all = parentSpanIds(tree);
    setCollapsed(all);
    const selected = selectedId ? tree.byId.get(selectedId) : undefined;
    if (selected) setSelectedId(shownNode(all, selected).span.spanId);
    list.current?.scrollToTop();
  };
  const expandAll = () => {
    setCollapsed(new Set());
    if (selectedId)
      scrollTarget.current = { spanId: selectedId, align: 'center' };
  };

  const selectedNode = selectedId ? tree.byId.get(selectedId) : undefined;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const shown = selectedNode ? shownNode(collapsed, selectedNode) : undefined;
    const index = shown ? rowIndexById.get(shown.span.spanId) ?? -1 : -1;
    const move = keyboardMove(event.key, rows, index, collapsed);
    if (!move || (move.type === 'closeDetail' && !detailOpen)) return;
    event.preventDefault();
    // A key the tree used is not the page's: Escape closes the details,
    // not the drawer the waterfall may sit in.
    event.stopPropagation();
    switch (move.type) {
      case 'select':
        selectSpan(move.node.span.spanId, { align: 'auto' });
        break;
      case 'collapse':
      case 'expand':
        toggleSpan(move.spanId);
        break;
      case 'openDetail':
        if (shown) selectSpan(shown.span.spanId, { open: true, align: 'auto' });
        break;
      default:
        setDetailOpen(false);
    }
  };

  const timeWindow = useMemo(
    () => windowOfZoom(tree.startMicros, tree.endMicros, zoom),
    [tree, zoom],
  );
  const axis = useRef<HTMLDivElement>(null);
  const axisWidth = useElementWidth(axis, 0);
  const maxTicks = maxTicksFor(axisWidth);
  const ticks = useMemo(
    () =>
      rulerTicks(
        timeWindow.fromMicros - tree.startMicros,
        timeWindow.toMicros - tree.startMicros,
        maxTicks,
      ),
    [tree, timeWindow, maxTicks],
  );
  const zoomText = `Showing ${formatDuration(
    timeWindow.fromMicros - tree.startMicros,
  )} to ${formatDuration(
    timeWindow.toMicros - tree.startMicros,
  )} of ${formatDuration(tree.endMicros - tree.startMicros)}`;

  return (
    <div data-testid="trace-waterfall">
      <TraceSummary
        tree={tree}
        criticalPath={critical}
        failedCount={failures.failedIds.length}
        onNextFailure={stepToFailure}
      />
      <WaterfallToolbar
        searchText={searchText}
        onSearchText={setSearchText}
        matchCount={filter.active ? filter.orderedMatchIds.length : undefined}
        matchPosition={matchPosition}
        onStepMatch={stepToMatch}
        minDurationText={minDurationText}
        onMinDurationText={setMinDurationText}
        minDurationInvalid={minDurationInvalid}
        onlyMatches={onlyMatches}
        onOnlyMatches={setOnlyMatches}
        showCriticalPath={showCriticalPath}
        onShowCriticalPath={setShowCriticalPath}
        onCollapseAll={collapseAll}
        onExpandAll={expandAll}
      />
      <div className={classes.body}>
        <div className={classes.timeline}>
          <TraceMinimap
            paths={overview}
            zoom={zoom}
            zoomText={zoomText}
            showCriticalPath={showCriticalPath}
            onZoom={setZoom}
          />
          <TimeRuler ticks={ticks} axisRef={axis} axisWidth={axisWidth} />
          <SpanList
            ref={list}
            rows={rows}
            maxHeight={props.height}
            initialRect={props.initialRect}
            rowIdPrefix={rowIdPrefix}
            activeRowId={
              selectedId !== undefined && rowIndexById.has(selectedId)
                ? spanRowId(rowIdPrefix, selectedId)
                : undefined
            }
            timeWindow={timeWindow}
            ticks={ticks}
            collapsed={collapsed}
            selectedId={selectedId}
            filter={filter}
            containsFailureIds={failures.containsFailureIds}
            criticalPath={showCriticalPath ? critical.bySpanId : undefined}
            onKeyDown={onKeyDown}
            onRowClick={clickRow}
            onToggle={toggleSpan}
          />
        </div>
        {detailOpen && selectedNode && (
          <div className={classes.detail}>
            <SpanDetailPanel
              node={selectedNode}
              tree={tree}
              criticalSegments={critical.bySpanId.get(selectedNode.span.spanId)}
              onClose={() => setDetailOpen(false)}
              onSelectSpan={openSpan}
            />
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * A CI run's trace as a waterfall: the span tree with each span's bar on a
 * shared time axis, the critical path marked, search and a duration
 * filter, an overview to zoom with, and a span's details beside it. Rows
 * are virtualised, so traces of many thousands of spans stay smooth.
 *
 * @public
 */
export function TraceWaterfall(props: TraceWaterfallProps) {
  const classes = useStyles();
  const tree = useMemo(() => buildSpanTree(props.spans), [props.spans]);
  if (tree.nodes.length === 0) {
    return (
      <div className={classes.empty} data-testid="trace-empty">
        <EmptyState
          missing="data"
          title="This trace has no spans"
          description="No spans of this trace were received, or they have expired."
        />
      </div>
    );
  }
  return (
    <Waterfall
      // Another trace starts afresh; more spans of the same one keep the view.
      key={tree.nodes[0].span.traceId}
      tree={tree}
      initialSelectedSpanId={props.initialSelectedSpanId}
      runFailed={props.runFailed}
      height={props.height ?? DEFAULT_HEIGHT}
      initialRect={props.initialRect}
    />
  );
}
