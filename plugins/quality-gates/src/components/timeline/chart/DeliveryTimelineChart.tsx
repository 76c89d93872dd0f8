import {
  KeyboardEvent as ReactKeyboardEvent,
  MouseEvent as ReactMouseEvent,
  SyntheticEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { TimelineGateDecision } from '@can-i-deploy/plugin-quality-gates-common';
import { CHART_LAYOUT, laneCenter } from './chartLayout';
import { placeItems } from './placeItems';
import { TimeAxis } from './TimeAxis';
import { TimelineLegend } from './TimelineLegend';
import { TimelineMarkers } from './TimelineMarkers';
import { TimelineItem, TimelineModel } from './timelineModel';
import { timeScale, TimeSpan } from './timeScale';
import { timeTicks } from './timeTicks';
import { useElementWidth } from '../../shared/useElementWidth';
import { brushView, isWholeRange, panView, zoomView } from './zoom';

const { laneHeight, labelWidth, rightPadding, axisHeight, fallbackWidth } =
  CHART_LAYOUT;

/** One wheel notch or button press zooms by this much. */
const WHEEL_ZOOM = 1.25;
const BUTTON_ZOOM = 2;
/** A drag shorter than this on the axis is a click, not a brush. */
const MIN_BRUSH_PX = 5;

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  plot: {
    position: 'relative',
    width: '100%',
    userSelect: 'none',
  },
  svg: {
    display: 'block',
    overflow: 'visible',
    '& [tabindex]:focus': {
      outline: 'none',
      stroke: theme.palette.text.primary,
      strokeWidth: 3,
    },
  },
  tooltip: {
    position: 'absolute',
    pointerEvents: 'none',
    padding: theme.spacing(0.5, 1),
    maxWidth: 320,
    transform: 'translate(-50%, calc(-100% - 10px))',
    zIndex: 1,
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
}));

function formatViewTime(ms: number): string {
  return DateTime.fromMillis(ms).toLocaleString(DateTime.DATETIME_MED);
}

/** The item a DOM event came from, through the marker's `data-index`. */
function itemIndexOf(event: SyntheticEvent): number | undefined {
  const target = (event.target as Element).closest?.('[data-index]');
  const index = target?.getAttribute('data-index');
  return index === null || index === undefined ? undefined : Number(index);
}

/**
 * The delivery timeline drawn as SVG: one lane per environment in promotion
 * order, deployments, rollbacks, gate decisions and incidents on one time
 * axis. Zooms with the wheel and buttons, narrows to a range dragged on the
 * axis; markers take focus and open what they stand for.
 */
export function DeliveryTimelineChart(props: {
  model: TimelineModel;
  onOpenDeployment: (deploymentId: string) => void;
  onOpenGateDecision: (decision: TimelineGateDecision) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const { model, onOpenDeployment, onOpenGateDecision } = props;
  const { bounds, lanes } = model;

  // Two charts on one page must not share a clip path.
  const clipId = `delivery-timeline-plot-${useId().replace(/:/g, '')}`;
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(plotRef, fallbackWidth);
  const plotWidth = Math.max(100, width - labelWidth - rightPadding);
  const lanesHeight = lanes.length * laneHeight;

  const [view, setView] = useState<TimeSpan>(bounds);
  // A new range (or a refetch of it) starts unzoomed.
  useEffect(() => setView(bounds), [bounds]);

  const scale = useMemo(() => timeScale(view, plotWidth), [view, plotWidth]);
  const ticks = useMemo(
    () => timeTicks(view.start, view.end, plotWidth),
    [view, plotWidth],
  );
  const placed = useMemo(
    () => placeItems(model.items, scale),
    [model.items, scale],
  );

  // The wheel listener is native (React's is passive and cannot stop the
  // page from scrolling); it reads the latest scale through a ref.
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return undefined;
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY === 0) return;
      event.preventDefault();
      const current = scaleRef.current;
      const x = event.clientX - svg.getBoundingClientRect().left - labelWidth;
      const factor = event.deltaY > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM;
      setView(v => zoomView(v, factor, current.ms(x), bounds));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [bounds]);

  const [brush, setBrush] = useState<{ from: number; to: number }>();
  const onBrushStart = useCallback(
    (event: ReactMouseEvent<SVGRectElement>) => {
      const svg = svgRef.current;
      if (!svg || event.button !== 0) return;
      event.preventDefault();
      const left = svg.getBoundingClientRect().left + labelWidth;
      const clamp = (clientX: number) =>
        Math.min(scaleRef.current.width, Math.max(0, clientX - left));
      const from = clamp(event.clientX);
      setBrush({ from, to: from });
      const onMove = (move: MouseEvent) =>
        setBrush({ from, to: clamp(move.clientX) });
      const onUp = (up: MouseEvent) => {
        window.removeEventListener('mousemove', onMove);
        window.removeEventListener('mouseup', onUp);
        setBrush(undefined);
        const to = clamp(up.clientX);
        if (Math.abs(to - from) < MIN_BRUSH_PX) return;
        const current = scaleRef.current;
        setView(brushView(current.ms(from), current.ms(to), bounds));
      };
      window.addEventListener('mousemove', onMove);
      window.addEventListener('mouseup', onUp);
    },
    [bounds],
  );

  const [hovered, setHovered] = useState<number>();
  const itemAt = useCallback(
    (index: number | undefined): TimelineItem | undefined =>
      index === undefined ? undefined : model.items[index],
    [model.items],
  );
  const activate = useCallback(
    (item: TimelineItem | undefined) => {
      if (!item) return;
      if (item.kind === 'deployment') onOpenDeployment(item.deployment.id);
      if (item.kind === 'gate') onOpenGateDecision(item.decision);
      if (item.kind === 'incident' && item.incident.causedByDeploymentId) {
        onOpenDeployment(item.incident.causedByDeploymentId);
      }
    },
    [onOpenDeployment, onOpenGateDecision],
  );
  const onMarkerKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const index = itemIndexOf(event);
    if (index === undefined) return;
    event.preventDefault();
    activate(itemAt(index));
  };

  const hoveredPlace = placed.find(p => p.item.index === hovered);
  const whole = isWholeRange(view, bounds);
  const zoomBy = (factor: number) =>
    setView(v => zoomView(v, factor, (v.start + v.end) / 2, bounds));

  return (
    <div>
      <div className={classes.toolbar}>
        <Typography variant="body2" aria-live="polite" data-testid="view-range">
          Showing {formatViewTime(view.start)} – {formatViewTime(view.end)}
        </Typography>
        <ButtonGroup size="small" aria-label="Zoom">
          <Button onClick={() => setView(v => panView(v, -0.5, bounds))}>
            Earlier
          </Button>
          <Button onClick={() => zoomBy(1 / BUTTON_ZOOM)}>Zoom in</Button>
          <Button onClick={() => zoomBy(BUTTON_ZOOM)} disabled={whole}>
            Zoom out
          </Button>
          <Button onClick={() => setView(v => panView(v, 0.5, bounds))}>
            Later
          </Button>
          <Button onClick={() => setView(bounds)} disabled={whole}>
            Reset zoom
          </Button>
        </ButtonGroup>
      </div>
      <div className={classes.plot} ref={plotRef}>
        <svg
          ref={svgRef}
          className={classes.svg}
          width={labelWidth + plotWidth + rightPadding}
          height={lanesHeight + axisHeight}
          role="group"
          aria-label="Deployments, gate decisions and incidents per environment over time"
          data-view-start={new Date(view.start).toISOString()}
          data-view-end={new Date(view.end).toISOString()}
        >
          <defs>
            <clipPath id={clipId}>
              <rect
                x={-CHART_LAYOUT.deploymentRadius - 2}
                y={-2}
                width={plotWidth + 2 * CHART_LAYOUT.deploymentRadius + 4}
                height={lanesHeight + 4}
              />
            </clipPath>
          </defs>
          {lanes.map((lane, index) => (
            <g key={lane} data-lane={lane}>
              <rect
                x={0}
                y={index * laneHeight}
                width={labelWidth + plotWidth}
                height={laneHeight}
                fill={
                  index % 2 === 0
                    ? theme.palette.action.hover
                    : theme.palette.background.paper
                }
              />
              <text
                x={8}
                y={laneCenter(index) + 4}
                fontSize={13}
                fill={theme.palette.text.primary}
              >
                {lane.length > 20 ? `${lane.slice(0, 19)}…` : lane}
                <title>{lane}</title>
              </text>
            </g>
          ))}
          <g transform={`translate(${labelWidth},0)`}>
            <TimeAxis
              scale={scale}
              ticks={ticks}
              top={lanesHeight}
              plotHeight={lanesHeight}
              onBrushStart={onBrushStart}
            />
            {brush && (
              <rect
                data-testid="timeline-brush"
                x={Math.min(brush.from, brush.to)}
                y={0}
                width={Math.abs(brush.to - brush.from)}
                height={lanesHeight + axisHeight}
                fill={theme.palette.primary.main}
                fillOpacity={0.15}
                pointerEvents="none"
              />
            )}
            <g
              clipPath={`url(#${clipId})`}
              onClick={event => activate(itemAt(itemIndexOf(event)))}
              onKeyDown={onMarkerKeyDown}
              onMouseOver={event => setHovered(itemIndexOf(event))}
              onMouseOut={() => setHovered(undefined)}
              onFocus={event => setHovered(itemIndexOf(event))}
              onBlur={() => setHovered(undefined)}
            >
              <TimelineMarkers placed={placed} />
            </g>
          </g>
        </svg>
        {hoveredPlace && (
          <Paper
            role="tooltip"
            elevation={4}
            className={classes.tooltip}
            style={{
              left: labelWidth + hoveredPlace.x,
              top: hoveredPlace.y - CHART_LAYOUT.deploymentRadius,
            }}
          >
            <Typography variant="caption">{hoveredPlace.item.label}</Typography>
          </Paper>
        )}
      </div>
      <div className={classes.footer}>
        <TimelineLegend />
        <Typography variant="caption" color="textSecondary">
          Scroll to zoom, drag along the time axis to pick a range; Tab moves
          through markers, Enter opens one.
        </Typography>
      </div>
    </div>
  );
}
