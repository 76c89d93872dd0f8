/** The part of the trace the time axis shows, in epoch microseconds. */
export interface TimeWindow {
  fromMicros: number;
  toMicros: number;
}

/** Where a stretch of time falls in the window, as fractions of its width. */
export interface WindowPlacement {
  left: number;
  width: number;
  /** Whether any of it is inside the window. */
  visible: boolean;
}

export function placeInWindow(
  window: TimeWindow,
  startMicros: number,
  endMicros: number,
): WindowPlacement {
  const length = Math.max(window.toMicros - window.fromMicros, 1);
  const left = (startMicros - window.fromMicros) / length;
  const right = (Math.max(endMicros, startMicros) - window.fromMicros) / length;
  const clippedLeft = Math.max(left, 0);
  const clippedRight = Math.min(right, 1);
  return {
    left: clippedLeft,
    width: Math.max(clippedRight - clippedLeft, 0),
    visible: right >= 0 && left <= 1,
  };
}

/** A zoom as fractions of the trace, 0 to 1, at least a sliver wide. */
export interface Zoom {
  from: number;
  to: number;
}

export const WHOLE_TRACE: Zoom = { from: 0, to: 1 };

/** The narrowest zoom: one ten-thousandth of the trace. */
const MIN_ZOOM_WIDTH = 0.0001;

export function clampZoom(from: number, to: number): Zoom {
  let low = Math.max(0, Math.min(from, to));
  let high = Math.min(1, Math.max(from, to));
  if (high - low < MIN_ZOOM_WIDTH) {
    const middle = Math.min(
      Math.max((low + high) / 2, MIN_ZOOM_WIDTH / 2),
      1 - MIN_ZOOM_WIDTH / 2,
    );
    low = middle - MIN_ZOOM_WIDTH / 2;
    high = middle + MIN_ZOOM_WIDTH / 2;
  }
  return { from: low, to: high };
}

export function windowOfZoom(
  traceStartMicros: number,
  traceEndMicros: number,
  zoom: Zoom,
): TimeWindow {
  const length = Math.max(traceEndMicros - traceStartMicros, 1);
  return {
    fromMicros: traceStartMicros + zoom.from * length,
    toMicros: traceStartMicros + zoom.to * length,
  };
}

/** Moves the zoom by `by` times its width, staying inside the trace. */
export function panZoom(zoom: Zoom, by: number): Zoom {
  const width = zoom.to - zoom.from;
  const from = Math.min(Math.max(zoom.from + by * width, 0), 1 - width);
  return { from, to: from + width };
}

/** Narrows (factor below 1) or widens the zoom around its middle. */
export function scaleZoom(zoom: Zoom, factor: number): Zoom {
  const middle = (zoom.from + zoom.to) / 2;
  const half = Math.min(((zoom.to - zoom.from) * factor) / 2, 0.5);
  // Widening near an end slides the zoom inwards rather than cutting it.
  const shift = Math.max(0, half - middle) - Math.max(0, middle + half - 1);
  return clampZoom(middle - half + shift, middle + half + shift);
}
