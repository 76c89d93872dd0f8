import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import { attributeText } from './detail/spanFacts';
import { SpanTree } from './spanTree';

export interface SpanFilter {
  /**
   * Words that must all occur (case ignored) in the span's name, service,
   * span id or an attribute written `key=value`; "quoted words" stay one.
   */
  text?: string;
  /** Spans shorter than this do not match. */
  minDurationMicros?: number;
}

/**
 * What a filter found. The waterfall keeps every row and dims those that
 * do not match, so the tree keeps its shape and a match is read against
 * its parent's bar; "only matches" narrows the rows to `keptIds`, which
 * holds the matches' ancestors as well so that each match stays under its
 * parent.
 */
export interface SpanFilterResult {
  /** False when the filter asks for nothing: then every span matches. */
  active: boolean;
  matchIds: ReadonlySet<string>;
  /** In depth-first order, for stepping from one match to the next. */
  orderedMatchIds: string[];
  keptIds: ReadonlySet<string>;
}

/** One lower-case line per thing a search can find in the span. */
export function spanSearchText(span: TraceSpan): string {
  const lines = [span.name, span.serviceName ?? '', span.spanId];
  for (const [key, value] of Object.entries(span.attributes)) {
    lines.push(`${key}=${attributeText(value)}`);
  }
  return lines.join('\n').toLowerCase();
}

/** Search texts in the tree's depth-first order; built once per trace. */
export function indexSpansForSearch(tree: SpanTree): string[] {
  return tree.nodes.map(node => spanSearchText(node.span));
}

export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = match[1] ?? match[2];
    if (term) terms.push(term);
  }
  return terms;
}

export function filterSpans(
  tree: SpanTree,
  filter: SpanFilter,
  /** The tree's search texts, asked for only when a search has words. */
  searchIndex: () => readonly string[] = () => indexSpansForSearch(tree),
): SpanFilterResult {
  const terms = searchTerms(filter.text ?? '');
  const texts = terms.length > 0 ? searchIndex() : [];
  const minDuration = filter.minDurationMicros ?? 0;
  const active = terms.length > 0 || minDuration > 0;
  const orderedMatchIds: string[] = [];
  const keptIds = new Set<string>();

  tree.nodes.forEach((node, index) => {
    const matches =
      !active ||
      (node.span.durationMicros >= minDuration &&
        terms.every(term => texts[index].includes(term)));
    if (!matches) return;
    orderedMatchIds.push(node.span.spanId);
    for (
      let up: typeof node | undefined = node;
      up && !keptIds.has(up.span.spanId);
      up = up.parent
    ) {
      keptIds.add(up.span.spanId);
    }
  });

  return {
    active,
    matchIds: new Set(orderedMatchIds),
    orderedMatchIds,
    keptIds,
  };
}

/**
 * The match `step` places after (1) or before (-1) the selected span, in
 * depth-first order, going round at the ends; the first (or last) match
 * when nothing is selected.
 */
export function stepMatch(
  tree: SpanTree,
  orderedMatchIds: string[],
  selectedSpanId: string | undefined,
  step: 1 | -1,
): string | undefined {
  const count = orderedMatchIds.length;
  if (count === 0) return undefined;
  const selected =
    selectedSpanId === undefined ? undefined : tree.byId.get(selectedSpanId);
  if (!selected) return orderedMatchIds[step === 1 ? 0 : count - 1];
  const indexOf = (id: string) => tree.byId.get(id)!.index;
  // Matches are in depth-first order: find where the selection falls.
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (indexOf(orderedMatchIds[middle]) < selected.index) low = middle + 1;
    else high = middle;
  }
  // `low` is the first match at or after the selection.
  const onMatch = orderedMatchIds[low] === selected.span.spanId;
  let next = low - 1;
  if (step === 1) next = onMatch ? low + 1 : low;
  return orderedMatchIds[(next + count) % count];
}
