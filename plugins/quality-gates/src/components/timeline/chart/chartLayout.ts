/** Pixel sizes of the timeline chart. */
export const CHART_LAYOUT = {
  laneHeight: 44,
  /** Lane names sit left of the plot. */
  labelWidth: 150,
  rightPadding: 16,
  axisHeight: 34,
  /** Until the container is measured (and in tests, where nothing is). */
  fallbackWidth: 960,
  deploymentRadius: 6,
  gateSize: 6,
  /** Gate decisions sit above a lane's middle, deployments on it. */
  gateOffset: -13,
} as const;

export function laneCenter(lane: number): number {
  return lane * CHART_LAYOUT.laneHeight + CHART_LAYOUT.laneHeight / 2;
}
