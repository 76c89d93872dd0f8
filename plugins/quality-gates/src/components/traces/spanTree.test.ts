import { child, span, TRACE_START_MICROS } from './__testUtils__/traceFixtures';
import {
  ancestorsOf,
  buildSpanTree,
  flattenSpanTree,
  parentSpanIds,
  revealNode,
  shownNode,
  SpanTree,
} from './spanTree';

const ids = (nodes: { span: { spanId: string } }[]) =>
  nodes.map(node => node.span.spanId);

const node = (tree: SpanTree, id: string) => tree.byId.get(id)!;

describe('buildSpanTree', () => {
  it('orders children by start, then by span id, whatever the input order', () => {
    const tree = buildSpanTree([
      child('root', 'c', 20, 30),
      child('root', 'b', 10, 40),
      span('root', 0, 100),
      child('root', 'a', 10, 15),
      child('b', 'b1', 12, 14),
    ]);
    expect(ids(tree.roots)).toEqual(['root']);
    expect(ids(node(tree, 'root').children)).toEqual(['a', 'b', 'c']);
    expect(ids(tree.nodes)).toEqual(['root', 'a', 'b', 'b1', 'c']);
    expect(tree.nodes.map(n => n.depth)).toEqual([0, 1, 1, 2, 1]);
    expect(tree.nodes.map(n => n.index)).toEqual([0, 1, 2, 3, 4]);
    expect(tree.nodes.map(n => n.subtreeEnd)).toEqual([5, 2, 4, 4, 5]);
    expect(tree.startMicros).toBe(TRACE_START_MICROS);
    expect(tree.endMicros).toBe(TRACE_START_MICROS + 100);
  });

  it('shows a span whose parent is not in the trace as a root, and recounts depths', () => {
    const tree = buildSpanTree([
      span('root', 0, 100),
      child('expired-parent', 'orphan', 5, 50, { depth: 3 }),
      child('orphan', 'grandchild', 6, 7, { depth: 4 }),
      child('', 'empty-parent-id', 8, 9),
    ]);
    expect(ids(tree.roots)).toEqual(['root', 'orphan', 'empty-parent-id']);
    expect(node(tree, 'orphan').orphan).toBe(true);
    expect(node(tree, 'orphan').depth).toBe(0);
    expect(node(tree, 'grandchild').depth).toBe(1);
    expect(node(tree, 'root').orphan).toBe(false);
    // OTLP's empty parent id means "no parent", not a missing one.
    expect(node(tree, 'empty-parent-id').orphan).toBe(false);
  });

  it('cuts a loop of parents above its earliest span, and a span that is its own parent', () => {
    const tree = buildSpanTree([
      child('c', 'a', 10, 20),
      child('a', 'b', 5, 30),
      child('b', 'c', 7, 25),
      child('b', 'below-loop', 1, 2),
      child('self', 'self', 40, 50),
    ]);
    expect(ids(tree.roots)).toEqual(['b', 'self']);
    expect(node(tree, 'b').orphan).toBe(true);
    expect(node(tree, 'self').orphan).toBe(true);
    expect(ids(tree.nodes)).toEqual(['b', 'below-loop', 'c', 'a', 'self']);
    expect(tree.nodes.map(n => n.depth)).toEqual([0, 1, 1, 2, 0]);
  });

  it('keeps the first of spans that share an id', () => {
    const tree = buildSpanTree([
      span('root', 0, 10, { name: 'first' }),
      span('root', 0, 20, { name: 'second' }),
    ]);
    expect(tree.nodes).toHaveLength(1);
    expect(node(tree, 'root').span.name).toBe('first');
  });

  it('builds a chain 10,000 deep without recursion', () => {
    const spans = [span('s0', 0, 20_000)];
    for (let i = 1; i < 10_000; i++) {
      spans.push(child(`s${i - 1}`, `s${i}`, i, 20_000 - i));
    }
    const tree = buildSpanTree(spans);
    expect(node(tree, 's9999').depth).toBe(9999);
    expect(node(tree, 's0').subtreeEnd).toBe(10_000);
    expect(ancestorsOf(node(tree, 's9999'))).toHaveLength(9999);
  });

  it('is empty for no spans', () => {
    const tree = buildSpanTree([]);
    expect(tree.nodes).toEqual([]);
    expect(tree.startMicros).toBe(0);
    expect(tree.endMicros).toBe(0);
  });
});

describe('flattenSpanTree', () => {
  const tree = buildSpanTree([
    span('root', 0, 100),
    child('root', 'a', 0, 50),
    child('a', 'a1', 0, 10),
    child('a1', 'a1x', 0, 5),
    child('a', 'a2', 10, 20),
    child('root', 'b', 50, 100),
    span('other-root', 60, 70),
  ]);

  it('lists every span depth first when nothing is collapsed', () => {
    expect(ids(flattenSpanTree(tree, new Set()))).toEqual([
      'root',
      'a',
      'a1',
      'a1x',
      'a2',
      'b',
      'other-root',
    ]);
  });

  it('leaves out the descendants of collapsed spans, at any depth', () => {
    expect(ids(flattenSpanTree(tree, new Set(['a'])))).toEqual([
      'root',
      'a',
      'b',
      'other-root',
    ]);
    // A collapsed span inside a collapsed one stays collapsed when its
    // ancestor opens again.
    expect(ids(flattenSpanTree(tree, new Set(['a1'])))).toEqual([
      'root',
      'a',
      'a1',
      'a2',
      'b',
      'other-root',
    ]);
    expect(ids(flattenSpanTree(tree, parentSpanIds(tree)))).toEqual([
      'root',
      'other-root',
    ]);
  });

  it('keeps only the spans asked for', () => {
    const keep = new Set(['root', 'a', 'a2', 'other-root']);
    expect(ids(flattenSpanTree(tree, new Set(), keep))).toEqual([
      'root',
      'a',
      'a2',
      'other-root',
    ]);
  });

  it('finds the row standing for a hidden span, and reveals it', () => {
    const collapsed = new Set(['root', 'a1']);
    expect(shownNode(collapsed, node(tree, 'a1x')).span.spanId).toBe('root');
    expect(shownNode(collapsed, node(tree, 'b')).span.spanId).toBe('root');
    expect(shownNode(collapsed, node(tree, 'root')).span.spanId).toBe('root');

    const revealed = revealNode(collapsed, node(tree, 'a1x'));
    expect([...revealed]).toEqual([]);
    expect(ids(flattenSpanTree(tree, revealed))).toContain('a1x');
    // Nothing to reveal: the same set, so React state does not change.
    expect(revealNode(collapsed, node(tree, 'root'))).toBe(collapsed);
  });
});
