import { CriticalPath } from '../criticalPath';
import { SpanTree, spanEndMicros } from '../spanTree';

/** The minimap's width in its own units; its height is one unit a span. */
export const MINIMAP_WIDTH_UNITS = 1000;

/** SVG path data drawing every span of a trace as one horizontal line. */
export interface MinimapPaths {
  spans: string;
  failedSpans: string;
  criticalPath: string;
  /** Lines, one a span, in depth-first order. */
  rows: number;
}

const unit = (value: number) => Math.round(value * 10) / 10;

/**
 * Three paths for the whole trace, whatever its size: a few DOM nodes
 * instead of one per span, drawn once per trace.
 */
export function minimapPaths(
  tree: SpanTree,
  criticalPath: CriticalPath,
): MinimapPaths {
  const length = Math.max(tree.endMicros - tree.startMicros, 1);
  const x = (micros: number) =>
    unit(((micros - tree.startMicros) / length) * MINIMAP_WIDTH_UNITS);
  // Zero-length spans still show as a dot.
  const line = (y: number, start: number, end: number) =>
    `M${x(start)} ${y}H${Math.max(x(end), x(start) + 0.5)}`;

  const spans: string[] = [];
  const failedSpans: string[] = [];
  const critical: string[] = [];
  tree.nodes.forEach((node, index) => {
    const y = index + 0.5;
    const { span } = node;
    const target = span.status.code === 'error' ? failedSpans : spans;
    target.push(line(y, span.startTimeUnixMicros, spanEndMicros(span)));
    for (const segment of criticalPath.bySpanId.get(span.spanId) ?? []) {
      critical.push(line(y, segment.startMicros, segment.endMicros));
    }
  });
  return {
    spans: spans.join(''),
    failedSpans: failedSpans.join(''),
    criticalPath: critical.join(''),
    rows: tree.nodes.length,
  };
}
