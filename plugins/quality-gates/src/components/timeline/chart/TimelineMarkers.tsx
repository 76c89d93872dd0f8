import { memo } from 'react';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';
import { CHART_LAYOUT } from './chartLayout';
import { diamondPath, flagPath, rollbackPath } from './markerShapes';
import {
  deploymentStatusStyle,
  INCIDENT_BAND_FILL,
  INCIDENT_COLOR,
} from './markerStyle';
import { PlacedItem } from './placeItems';

const { deploymentRadius, gateSize, laneHeight } = CHART_LAYOUT;

/** Whether activating a marker does something (opens a view). */
export function isActionable(placed: PlacedItem): boolean {
  const { item } = placed;
  return item.kind !== 'incident' || !!item.incident.causedByDeploymentId;
}

function Marker(props: { placed: PlacedItem }) {
  const { placed } = props;
  const { item, x, y } = placed;
  const common = {
    'data-index': item.index,
    'data-kind': item.kind,
    tabIndex: 0,
    role: isActionable(placed) ? 'button' : 'img',
    'aria-label': item.label,
    style: { cursor: isActionable(placed) ? 'pointer' : 'default' },
  };

  if (item.kind === 'deployment') {
    const { color } = deploymentStatusStyle(item.deployment.status);
    if (item.deployment.status === 'rolled_back') {
      return (
        <path
          {...common}
          data-status="rolled_back"
          d={rollbackPath(x, y, deploymentRadius + 1)}
          fill={color}
          stroke="#fff"
          strokeWidth={1}
        />
      );
    }
    return (
      <circle
        {...common}
        data-status={item.deployment.status}
        cx={x}
        cy={y}
        r={deploymentRadius}
        fill={color}
        stroke="#fff"
        strokeWidth={1}
      />
    );
  }

  if (item.kind === 'gate') {
    const { decision } = item;
    return (
      <path
        {...common}
        data-verdict={decision.verdict}
        data-gate={decision.gateId}
        d={diamondPath(x, y, gateSize)}
        fill={verdictStyle(decision.verdict).color}
        // An override is outlined in the colour it was overridden to.
        stroke={
          decision.overriddenTo
            ? verdictStyle(decision.overriddenTo).color
            : '#fff'
        }
        strokeWidth={decision.overriddenTo ? 2.5 : 1}
      />
    );
  }

  const top = y - laneHeight / 2 + 2;
  const bottom = y + laneHeight / 2 - 2;
  return (
    <g data-incident={item.incident.id}>
      <rect
        x={x}
        y={top}
        width={Math.max(2, (placed.x2 ?? x) - x)}
        height={bottom - top}
        fill={INCIDENT_BAND_FILL}
        pointerEvents="none"
      />
      <path
        {...common}
        d={flagPath(x, top, bottom)}
        fill={INCIDENT_COLOR}
        stroke={INCIDENT_COLOR}
        strokeWidth={2}
      />
    </g>
  );
}

/**
 * Every visible marker. Memoised on the placed items, so hovering (which
 * only moves the tooltip) never redraws thousands of them; events are
 * handled once, on the group, by the chart.
 */
export const TimelineMarkers = memo(function MarkerLayer(props: {
  placed: PlacedItem[];
}) {
  // Bands first, so markers on the same lane stay on top and clickable.
  const incidents = props.placed.filter(p => p.item.kind === 'incident');
  const others = props.placed.filter(p => p.item.kind !== 'incident');
  return (
    <>
      {incidents.map(placed => (
        <Marker key={placed.item.index} placed={placed} />
      ))}
      {others.map(placed => (
        <Marker key={placed.item.index} placed={placed} />
      ))}
    </>
  );
});
