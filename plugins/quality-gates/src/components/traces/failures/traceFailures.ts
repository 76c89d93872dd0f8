import { compareNodes, SpanTree } from '../spanTree';

/** Where a trace failed: the failed spans and the spans that hold them. */
export interface TraceFailures {
  /** Failed spans' ids in start order: the order "next failure" steps in. */
  failedIds: string[];
  /** Every span with a failed span below it, at any depth. */
  containsFailureIds: ReadonlySet<string>;
}

/**
 * The failures of a trace. A failed run marks its roots too: a run can fail
 * on a span that was never received, and its root must not look green.
 */
export function traceFailures(
  tree: SpanTree,
  runFailed = false,
): TraceFailures {
  const failed = tree.nodes.filter(node => node.span.status.code === 'error');
  const containsFailureIds = new Set<string>();
  for (const node of failed) {
    // Stop at an ancestor already marked: its own ancestors are, too.
    for (
      let up = node.parent;
      up && !containsFailureIds.has(up.span.spanId);
      up = up.parent
    ) {
      containsFailureIds.add(up.span.spanId);
    }
  }
  if (runFailed) {
    // The run's own root, not a span whose parent never arrived.
    for (const root of tree.roots) {
      if (!root.orphan) containsFailureIds.add(root.span.spanId);
    }
  }
  return {
    failedIds: [...failed].sort(compareNodes).map(node => node.span.spanId),
    containsFailureIds,
  };
}

/** The failed span after the selected one in start order, wrapping round. */
export function nextFailure(
  tree: SpanTree,
  failedIds: string[],
  selectedId: string | undefined,
): string | undefined {
  if (failedIds.length === 0) return undefined;
  const selected = selectedId ? tree.byId.get(selectedId) : undefined;
  if (!selected) return failedIds[0];
  const after = failedIds.find(
    id => compareNodes(tree.byId.get(id)!, selected) > 0,
  );
  return after ?? failedIds[0];
}
