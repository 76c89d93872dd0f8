import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';

/** One span in the waterfall's tree. */
export interface SpanNode {
  span: TraceSpan;
  /** The node above it in this tree; absent for roots. */
  parent?: SpanNode;
  /** Ordered by start, then span id. */
  children: SpanNode[];
  /** Counted in this tree, not taken from the stored span. */
  depth: number;
  /** Position in depth-first order. */
  index: number;
  /** One past the depth-first position of its last descendant. */
  subtreeEnd: number;
  /**
   * The span names a parent but is shown as a root: the parent is not in the
   * trace (not received, or already expired), or the parent chain loops.
   */
  orphan: boolean;
}

/** The spans of one trace as a tree, walked depth first. */
export interface SpanTree {
  /** Ordered by start, then span id. */
  roots: SpanNode[];
  /** Every node in depth-first order: a parent, then its children's subtrees. */
  nodes: SpanNode[];
  byId: ReadonlyMap<string, SpanNode>;
  /** The first start and the last end over all spans. */
  startMicros: number;
  endMicros: number;
}

/** Ends before starts happen with skewed clocks; such a span lasts 0. */
export function spanEndMicros(span: TraceSpan): number {
  return Math.max(span.startTimeUnixMicros, span.endTimeUnixMicros);
}

export function compareNodes(a: SpanNode, b: SpanNode): number {
  const byStart = a.span.startTimeUnixMicros - b.span.startTimeUnixMicros;
  if (byStart !== 0) return byStart;
  if (a.span.spanId === b.span.spanId) return 0;
  return a.span.spanId < b.span.spanId ? -1 : 1;
}

function newNode(span: TraceSpan): SpanNode {
  return {
    span,
    children: [],
    depth: 0,
    index: -1,
    subtreeEnd: -1,
    orphan: false,
  };
}

function linkParents(byId: Map<string, SpanNode>): SpanNode[] {
  const roots: SpanNode[] = [];
  for (const node of byId.values()) {
    // OTLP writes "no parent" as an empty id.
    const parentId = node.span.parentSpanId || undefined;
    const parent =
      parentId === undefined || parentId === node.span.spanId
        ? undefined
        : byId.get(parentId);
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      node.orphan = parentId !== undefined;
      roots.push(node);
    }
  }
  return roots;
}

function markReachable(from: SpanNode, reached: Set<SpanNode>) {
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    reached.add(node);
    for (const nodeChild of node.children) stack.push(nodeChild);
  }
}

/**
 * Spans whose parent chain loops are reached from no root. Such data is
 * broken, but it must not hang the page: each loop is cut above its
 * earliest span, which becomes a root.
 */
function cutLoops(
  byId: Map<string, SpanNode>,
  roots: SpanNode[],
  reached: Set<SpanNode>,
) {
  for (const node of byId.values()) {
    if (reached.has(node)) continue;
    // An unreached node's parent is unreached too, and present (else the
    // node would be a root), so walking up must come back to a node seen.
    const walked = new Set<SpanNode>();
    let cursor = node;
    while (!walked.has(cursor)) {
      walked.add(cursor);
      cursor = cursor.parent!;
    }
    let earliest = cursor;
    for (let member = cursor.parent!; member !== cursor; ) {
      if (compareNodes(member, earliest) < 0) earliest = member;
      member = member.parent!;
    }
    const parent = earliest.parent!;
    parent.children.splice(parent.children.indexOf(earliest), 1);
    earliest.parent = undefined;
    earliest.orphan = true;
    roots.push(earliest);
    markReachable(earliest, reached);
  }
}

/** Numbers the nodes depth first, without recursion: chains can be deep. */
function walkDepthFirst(roots: SpanNode[]): SpanNode[] {
  const nodes: SpanNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.index = nodes.length;
    node.depth = node.parent ? node.parent.depth + 1 : 0;
    nodes.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push(node.children[i]);
    }
  }
  // Sizes summed bottom up: in depth-first order every child comes after
  // its parent, so walking backwards finishes a subtree before its parent.
  const sizes = new Array<number>(nodes.length).fill(1);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    node.subtreeEnd = i + sizes[i];
    if (node.parent) sizes[node.parent.index] += sizes[i];
  }
  return nodes;
}

/**
 * Builds the tree of a trace's spans. A span whose parent is not in the
 * list is a root; of spans sharing an id (which one trace should not
 * have) the first is kept.
 */
export function buildSpanTree(spans: readonly TraceSpan[]): SpanTree {
  const byId = new Map<string, SpanNode>();
  for (const span of spans) {
    if (!byId.has(span.spanId)) byId.set(span.spanId, newNode(span));
  }
  const roots = linkParents(byId);
  const reached = new Set<SpanNode>();
  for (const root of roots) markReachable(root, reached);
  if (reached.size < byId.size) cutLoops(byId, roots, reached);

  roots.sort(compareNodes);
  for (const node of byId.values()) node.children.sort(compareNodes);
  const nodes = walkDepthFirst(roots);

  let startMicros = Infinity;
  let endMicros = -Infinity;
  for (const node of nodes) {
    startMicros = Math.min(startMicros, node.span.startTimeUnixMicros);
    endMicros = Math.max(endMicros, spanEndMicros(node.span));
  }
  if (nodes.length === 0) startMicros = endMicros = 0;
  return { roots, nodes, byId, startMicros, endMicros };
}

/**
 * The rows the waterfall shows, in depth-first order: the descendants of a
 * collapsed span are left out, and so is every span not in `keep` when it
 * is given (it must hold the ancestors of what it holds).
 */
export function flattenSpanTree(
  tree: SpanTree,
  collapsed: ReadonlySet<string>,
  keep?: ReadonlySet<string>,
): SpanNode[] {
  const rows: SpanNode[] = [];
  let i = 0;
  while (i < tree.nodes.length) {
    const node = tree.nodes[i];
    if (keep && !keep.has(node.span.spanId)) {
      i = node.subtreeEnd;
      continue;
    }
    rows.push(node);
    i = collapsed.has(node.span.spanId) ? node.subtreeEnd : i + 1;
  }
  return rows;
}

/** Nearest first. */
export function ancestorsOf(node: SpanNode): SpanNode[] {
  const ancestors: SpanNode[] = [];
  for (let up = node.parent; up; up = up.parent) ancestors.push(up);
  return ancestors;
}

/** The collapsed set with the node's ancestors expanded, so that it shows. */
export function revealNode(
  collapsed: ReadonlySet<string>,
  node: SpanNode,
): ReadonlySet<string> {
  const hiding = ancestorsOf(node).filter(up => collapsed.has(up.span.spanId));
  if (hiding.length === 0) return collapsed;
  const next = new Set(collapsed);
  for (const up of hiding) next.delete(up.span.spanId);
  return next;
}

/** The row that stands for the node: itself, or its outermost collapsed ancestor. */
export function shownNode(
  collapsed: ReadonlySet<string>,
  node: SpanNode,
): SpanNode {
  let shown = node;
  for (const up of ancestorsOf(node)) {
    if (collapsed.has(up.span.spanId)) shown = up;
  }
  return shown;
}

/** Every span with children: what "collapse all" collapses. */
export function parentSpanIds(tree: SpanTree): Set<string> {
  const ids = new Set<string>();
  for (const node of tree.nodes) {
    if (node.children.length > 0) ids.add(node.span.spanId);
  }
  return ids;
}
