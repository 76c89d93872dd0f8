import { SpanNode, SpanTree, spanEndMicros } from './spanTree';

/** A stretch of time during which this span is what the trace waits on. */
export interface CriticalPathSegment {
  spanId: string;
  startMicros: number;
  endMicros: number;
}

export interface CriticalPath {
  /** In time order; they do not overlap. */
  segments: CriticalPathSegment[];
  /** A span's own segments in time order, split where its children take over. */
  bySpanId: ReadonlyMap<string, CriticalPathSegment[]>;
}

/** A child's time, clipped to its parent's. */
interface Stretch {
  node: SpanNode;
  startMicros: number;
  endMicros: number;
}

/** A span being walked back from `cursor` towards its start. */
interface Frame {
  /** Absent for the stand-in parent of the roots. */
  spanId?: string;
  startMicros: number;
  /** Where the walk is: everything after it is accounted for. */
  cursor: number;
  /** Latest end first. */
  candidates: Stretch[];
  next: number;
}

/**
 * Children clipped to the parent, latest end first. A child that overlaps
 * its parent's end (clock skew, fire-and-forget work) counts only inside
 * the parent; one wholly outside it is no part of the parent's time.
 * Among equal ends the child that started first goes first: it is the
 * longer wait.
 */
function childStretches(
  children: SpanNode[],
  startMicros: number,
  endMicros: number,
): Stretch[] {
  const stretches: Stretch[] = [];
  for (const node of children) {
    const start = Math.max(node.span.startTimeUnixMicros, startMicros);
    const end = Math.min(spanEndMicros(node.span), endMicros);
    if (start <= end)
      stretches.push({ node, startMicros: start, endMicros: end });
  }
  return stretches.sort(
    (a, b) =>
      b.endMicros - a.endMicros ||
      a.startMicros - b.startMicros ||
      (a.node.span.spanId < b.node.span.spanId ? -1 : 1),
  );
}

function frameOf(stretch: Stretch): Frame {
  return {
    spanId: stretch.node.span.spanId,
    startMicros: stretch.startMicros,
    cursor: stretch.endMicros,
    candidates: childStretches(
      stretch.node.children,
      stretch.startMicros,
      stretch.endMicros,
    ),
    next: 0,
  };
}

/** Joins a span's segments that touch (a zero-length child between them). */
function inTimeOrder(backwards: CriticalPathSegment[]): CriticalPathSegment[] {
  const segments: CriticalPathSegment[] = [];
  for (let i = backwards.length - 1; i >= 0; i--) {
    const segment = backwards[i];
    const last = segments[segments.length - 1];
    if (
      last &&
      last.spanId === segment.spanId &&
      last.endMicros === segment.startMicros
    ) {
      last.endMicros = segment.endMicros;
    } else {
      segments.push({ ...segment });
    }
  }
  return segments;
}

/**
 * The chain of spans that makes up the trace's end-to-end time, found the
 * way Jaeger does: from a span's end walk back, step into the child that
 * ended last before the walk's position, account for that child the same
 * way, then continue in the parent from the child's start. The parent's
 * own time fills the gaps between such children.
 *
 * Two choices differ from Jaeger's. A child that ends exactly where the
 * walk stands is taken, so back-to-back CI steps stay on the path. Several
 * roots (spans whose parent is missing) are walked as children of the
 * whole trace: the path starts in the root that covers the trace's end and
 * continues in roots that ended before it began; time no root covers is
 * on no span's account.
 *
 * Iterative, with one frame per span on the path: chains of any depth.
 */
export function computeCriticalPath(tree: SpanTree): CriticalPath {
  const backwards: CriticalPathSegment[] = [];
  const stack: Frame[] = [
    {
      startMicros: tree.startMicros,
      cursor: tree.endMicros,
      candidates: childStretches(tree.roots, tree.startMicros, tree.endMicros),
      next: 0,
    },
  ];
  const account = (frame: Frame, startMicros: number) => {
    if (frame.spanId !== undefined && startMicros < frame.cursor) {
      backwards.push({
        spanId: frame.spanId,
        startMicros,
        endMicros: frame.cursor,
      });
    }
  };

  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    // The walk only moves back, so a child skipped for ending after it
    // stays skipped: each child is looked at once.
    while (
      frame.next < frame.candidates.length &&
      frame.candidates[frame.next].endMicros > frame.cursor
    ) {
      frame.next++;
    }
    const child = frame.candidates[frame.next];
    if (child) {
      frame.next++;
      account(frame, child.endMicros);
      frame.cursor = child.startMicros;
      stack.push(frameOf(child));
    } else {
      account(frame, frame.startMicros);
      stack.pop();
    }
  }

  const segments = inTimeOrder(backwards);
  const bySpanId = new Map<string, CriticalPathSegment[]>();
  for (const segment of segments) {
    const own = bySpanId.get(segment.spanId);
    if (own) own.push(segment);
    else bySpanId.set(segment.spanId, [segment]);
  }
  return { segments, bySpanId };
}

/** How long the span is on the critical path. */
export function criticalMicros(segments: CriticalPathSegment[] = []): number {
  return segments.reduce(
    (total, segment) => total + segment.endMicros - segment.startMicros,
    0,
  );
}
