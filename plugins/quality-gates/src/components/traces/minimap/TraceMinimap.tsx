import {
  KeyboardEvent,
  MouseEvent as ReactMouseEvent,
  useEffect,
  useRef,
  useState,
} from 'react';
import Button from '@material-ui/core/Button';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  clampZoom,
  panZoom,
  scaleZoom,
  WHOLE_TRACE,
  Zoom,
} from '../axis/timeWindow';
import { WATERFALL_COLUMNS } from '../waterfallLayout';
import { MINIMAP_WIDTH_UNITS, MinimapPaths } from './minimapPaths';

const MINIMAP_HEIGHT = 48;

/** A press that moves less than this (a fraction of the width) is a click. */
const CLICK_TOLERANCE = 0.004;

const useStyles = makeStyles(theme => ({
  minimapRow: {
    display: 'grid',
    gridTemplateColumns: WATERFALL_COLUMNS,
    alignItems: 'center',
    borderBottom: `1px solid ${theme.palette.divider}`,
    overflowY: 'hidden',
    scrollbarGutter: 'stable',
  },
  legend: {
    gridColumn: '1 / span 2',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    paddingLeft: theme.spacing(1),
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
  },
  canvas: {
    position: 'relative',
    height: MINIMAP_HEIGHT,
    // Its paths hold a line per span: nothing outside makes them lay out again.
    contain: 'strict',
    cursor: 'crosshair',
    userSelect: 'none',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
    backgroundColor: theme.palette.background.default,
  },
  svg: {
    display: 'block',
    width: '100%',
    height: '100%',
  },
  shade: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    backgroundColor: theme.palette.action.disabledBackground,
    pointerEvents: 'none',
  },
  window: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    border: `1px solid ${theme.palette.primary.main}`,
    boxSizing: 'border-box',
    pointerEvents: 'none',
  },
  draft: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    backgroundColor: theme.palette.primary.main,
    opacity: 0.2,
    pointerEvents: 'none',
  },
}));

function fractionAt(element: Element, clientX: number): number {
  const box = element.getBoundingClientRect();
  if (box.width <= 0) return 0;
  return Math.min(Math.max((clientX - box.left) / box.width, 0), 1);
}

const percent = (fraction: number) => `${fraction * 100}%`;

/** Keys that move or size the frame, for those who do not drag. */
function zoomForKey(key: string, zoom: Zoom): Zoom | undefined {
  switch (key) {
    case 'ArrowLeft':
      return panZoom(zoom, -0.25);
    case 'ArrowRight':
      return panZoom(zoom, 0.25);
    case '+':
    case '=':
      return scaleZoom(zoom, 0.5);
    case '-':
      return scaleZoom(zoom, 2);
    case 'Escape':
    case '0':
      return WHOLE_TRACE;
    default:
      return undefined;
  }
}

/**
 * The whole trace in small, with the part the time axis shows framed.
 * Dragging across it zooms the axis to that stretch; a click moves the
 * frame there at the same width. Focused, arrows move the frame and
 * + and - size it.
 */
export function TraceMinimap(props: {
  paths: MinimapPaths;
  zoom: Zoom;
  /** What the frame shows, in words, for screen readers. */
  zoomText: string;
  showCriticalPath: boolean;
  onZoom: (zoom: Zoom) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const canvasRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<{ from: number; to: number }>();
  const { zoom, onZoom } = props;
  const zoomed = zoom.from > 0 || zoom.to < 1;

  // Moves and releases are followed on the window so that a drag may leave
  // the minimap and still finish.
  const dragRef = useRef<{ from: number; to: number }>();
  useEffect(() => {
    const move = (event: MouseEvent) => {
      if (!dragRef.current || !canvasRef.current) return;
      dragRef.current = {
        ...dragRef.current,
        to: fractionAt(canvasRef.current, event.clientX),
      };
      setDraft(dragRef.current);
    };
    const release = () => {
      const drag = dragRef.current;
      if (!drag) return;
      dragRef.current = undefined;
      setDraft(undefined);
      if (Math.abs(drag.to - drag.from) > CLICK_TOLERANCE) {
        onZoom(clampZoom(drag.from, drag.to));
      } else if (zoomed) {
        const half = (zoom.to - zoom.from) / 2;
        const centre = Math.min(Math.max(drag.from, half), 1 - half);
        onZoom(clampZoom(centre - half, centre + half));
      }
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', release);
    return () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', release);
    };
  }, [onZoom, zoom, zoomed]);

  const onKeyDown = (event: KeyboardEvent) => {
    const next = zoomForKey(event.key, zoom);
    if (!next) return;
    event.preventDefault();
    onZoom(next);
  };

  const startDrag = (event: ReactMouseEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const at = fractionAt(event.currentTarget, event.clientX);
    dragRef.current = { from: at, to: at };
    setDraft(dragRef.current);
  };

  const rows = Math.max(props.paths.rows, 1);
  // Few spans get thick lines; many get hairlines that do not blur together.
  const crowded = rows > MINIMAP_HEIGHT;
  const strokeProps = {
    fill: 'none',
    strokeWidth: crowded ? 1 : 0.7,
    vectorEffect: crowded ? 'non-scaling-stroke' : undefined,
  } as const;

  return (
    <div className={classes.minimapRow}>
      <div className={classes.legend}>
        <span>Overview: drag to zoom</span>
        <Button
          size="small"
          disabled={!zoomed}
          onClick={() => onZoom(WHOLE_TRACE)}
        >
          Reset zoom
        </Button>
      </div>
      <div
        ref={canvasRef}
        className={classes.canvas}
        onMouseDown={startDrag}
        onKeyDown={onKeyDown}
        role="slider"
        tabIndex={0}
        aria-label="Zoom: drag or use arrows, plus and minus"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(((zoom.from + zoom.to) / 2) * 100)}
        aria-valuetext={props.zoomText}
        data-testid="trace-minimap"
        data-zoom-from={zoom.from}
        data-zoom-to={zoom.to}
      >
        <svg
          className={classes.svg}
          viewBox={`0 0 ${MINIMAP_WIDTH_UNITS} ${rows}`}
          preserveAspectRatio="none"
          role="img"
          aria-label="Overview of all spans"
        >
          <path
            d={props.paths.spans}
            stroke={theme.palette.text.secondary}
            {...strokeProps}
          />
          <path
            d={props.paths.failedSpans}
            stroke={theme.palette.error.main}
            {...strokeProps}
          />
          {props.showCriticalPath && (
            <path
              d={props.paths.criticalPath}
              stroke={theme.palette.type === 'dark' ? '#fff' : '#000'}
              {...strokeProps}
            />
          )}
        </svg>
        {zoomed && (
          <>
            <div
              className={classes.shade}
              style={{ left: 0, width: percent(zoom.from) }}
            />
            <div
              className={classes.shade}
              style={{ left: percent(zoom.to), right: 0 }}
            />
            <div
              className={classes.window}
              style={{
                left: percent(zoom.from),
                width: percent(zoom.to - zoom.from),
              }}
              data-testid="trace-minimap-window"
            />
          </>
        )}
        {draft && (
          <div
            className={classes.draft}
            style={{
              left: percent(Math.min(draft.from, draft.to)),
              width: percent(Math.abs(draft.to - draft.from)),
            }}
          />
        )}
      </div>
    </div>
  );
}
