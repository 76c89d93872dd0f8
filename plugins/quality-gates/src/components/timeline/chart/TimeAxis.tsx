import { MouseEvent as ReactMouseEvent } from 'react';
import { useTheme } from '@material-ui/core/styles';
import { CHART_LAYOUT } from './chartLayout';
import { TimeTick } from './timeTicks';
import { TimeScale } from './timeScale';

/**
 * The time axis under the lanes, with its ticks; dragging on it selects a
 * range (the brush), which the chart then zooms to.
 */
export function TimeAxis(props: {
  scale: TimeScale;
  ticks: TimeTick[];
  top: number;
  plotHeight: number;
  onBrushStart: (event: ReactMouseEvent<SVGRectElement>) => void;
}) {
  const theme = useTheme();
  const { scale, ticks, top, plotHeight } = props;
  const text = theme.palette.text.secondary;
  return (
    <g data-testid="timeline-axis">
      {ticks.map(tick => {
        const x = scale.x(tick.ms);
        return (
          <g key={tick.ms}>
            <line
              x1={x}
              x2={x}
              y1={0}
              y2={plotHeight}
              stroke={theme.palette.divider}
              strokeDasharray={tick.major ? undefined : '2 4'}
            />
            <line x1={x} x2={x} y1={top} y2={top + 5} stroke={text} />
            <text
              x={x}
              y={top + 18}
              textAnchor="middle"
              fontSize={11}
              fontWeight={tick.major ? 600 : 400}
              fill={text}
            >
              {tick.label}
            </text>
          </g>
        );
      })}
      <line x1={0} x2={scale.width} y1={top} y2={top} stroke={text} />
      <rect
        data-testid="timeline-brush-area"
        aria-hidden
        x={0}
        y={top}
        width={scale.width}
        height={CHART_LAYOUT.axisHeight}
        fill="transparent"
        style={{ cursor: 'col-resize' }}
        onMouseDown={props.onBrushStart}
      />
    </g>
  );
}
