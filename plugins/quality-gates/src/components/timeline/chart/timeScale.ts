/** A span of time in epoch milliseconds, `start` before `end`. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** Maps times onto pixels and back, linearly. */
export interface TimeScale {
  span: TimeSpan;
  /** Pixels of the plot, from its left edge. */
  width: number;
  x(ms: number): number;
  ms(x: number): number;
}

export function timeScale(span: TimeSpan, width: number): TimeScale {
  const duration = Math.max(1, span.end - span.start);
  const pixelsPerMs = width / duration;
  return {
    span,
    width,
    x: ms => (ms - span.start) * pixelsPerMs,
    ms: x => span.start + x / pixelsPerMs,
  };
}
