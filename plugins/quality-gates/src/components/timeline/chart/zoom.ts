import { TimeSpan } from './timeScale';

/** Narrower than this shows nothing useful between deployments. */
export const MIN_VIEW_MS = 10 * 60_000;

/** A span moved (not resized) so it lies within `bounds` where it can. */
function within(span: TimeSpan, bounds: TimeSpan): TimeSpan {
  const length = Math.min(span.end - span.start, bounds.end - bounds.start);
  let start = Math.max(bounds.start, span.start);
  if (start + length > bounds.end) start = bounds.end - length;
  return { start, end: start + length };
}

/**
 * Zooms by `factor` (below 1 narrows) keeping `anchorMs` where it is on
 * screen, never wider than `bounds` nor narrower than the minimum.
 */
export function zoomView(
  view: TimeSpan,
  factor: number,
  anchorMs: number,
  bounds: TimeSpan,
): TimeSpan {
  const length = view.end - view.start;
  const boundsLength = bounds.end - bounds.start;
  // Zooming out to (about) the whole range is the whole range, exactly.
  if (length * factor >= boundsLength * 0.999) return bounds;
  const nextLength = Math.min(
    boundsLength,
    Math.max(Math.min(MIN_VIEW_MS, boundsLength), length * factor),
  );
  const anchor = Math.min(view.end, Math.max(view.start, anchorMs));
  const share = length > 0 ? (anchor - view.start) / length : 0.5;
  const start = anchor - share * nextLength;
  return within({ start, end: start + nextLength }, bounds);
}

/** Moves the view by a share of its width (negative: earlier). */
export function panView(
  view: TimeSpan,
  share: number,
  bounds: TimeSpan,
): TimeSpan {
  const shift = (view.end - view.start) * share;
  return within({ start: view.start + shift, end: view.end + shift }, bounds);
}

/** The view a brush selected, at least the minimum wide. */
export function brushView(a: number, b: number, bounds: TimeSpan): TimeSpan {
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  const middle = (start + end) / 2;
  const length = Math.max(end - start, MIN_VIEW_MS);
  return within(
    { start: middle - length / 2, end: middle + length / 2 },
    bounds,
  );
}

export function isWholeRange(view: TimeSpan, bounds: TimeSpan): boolean {
  return view.start <= bounds.start && view.end >= bounds.end;
}
