import { SpanNode } from './spanTree';

/** What a key asks of the waterfall; nothing when the key is not its. */
export type KeyboardMove =
  | { type: 'select'; node: SpanNode }
  | { type: 'collapse'; spanId: string }
  | { type: 'expand'; spanId: string }
  | { type: 'openDetail' }
  | { type: 'closeDetail' };

/**
 * Tree keys, as in a file tree: up and down move between rows, left
 * collapses (or goes to the parent), right expands (or goes to the first
 * child), Enter opens the span's details, Escape closes them.
 */
export function keyboardMove(
  key: string,
  rows: SpanNode[],
  /** The selected row; -1 when none is. */
  selectedIndex: number,
  collapsed: ReadonlySet<string>,
): KeyboardMove | undefined {
  if (rows.length === 0) return undefined;
  const selected = rows[selectedIndex] as SpanNode | undefined;
  const select = (index: number): KeyboardMove => ({
    type: 'select',
    node: rows[Math.min(Math.max(index, 0), rows.length - 1)],
  });
  switch (key) {
    case 'ArrowDown':
      return select(selected ? selectedIndex + 1 : 0);
    case 'ArrowUp':
      return select(selected ? selectedIndex - 1 : 0);
    case 'Home':
      return select(0);
    case 'End':
      return select(rows.length - 1);
    case 'ArrowRight': {
      if (!selected) return select(0);
      if (selected.children.length === 0) return undefined;
      return collapsed.has(selected.span.spanId)
        ? { type: 'expand', spanId: selected.span.spanId }
        : select(selectedIndex + 1);
    }
    case 'ArrowLeft': {
      if (!selected) return select(0);
      if (
        selected.children.length > 0 &&
        !collapsed.has(selected.span.spanId)
      ) {
        return { type: 'collapse', spanId: selected.span.spanId };
      }
      return selected.parent
        ? { type: 'select', node: selected.parent }
        : undefined;
    }
    case 'Enter':
      return selected ? { type: 'openDetail' } : undefined;
    case 'Escape':
      return { type: 'closeDetail' };
    default:
      return undefined;
  }
}
