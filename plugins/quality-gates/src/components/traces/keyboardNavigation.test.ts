import { child, span } from './__testUtils__/traceFixtures';
import { keyboardMove } from './keyboardNavigation';
import { buildSpanTree, flattenSpanTree } from './spanTree';

const tree = buildSpanTree([
  span('root', 0, 100),
  child('root', 'job', 0, 50),
  child('job', 'step', 0, 10),
  child('root', 'leaf', 50, 100),
]);
const rows = flattenSpanTree(tree, new Set());
const at = (id: string) => rows.findIndex(row => row.span.spanId === id);
const selected = (move: ReturnType<typeof keyboardMove>) =>
  move?.type === 'select' ? move.node.span.spanId : move;

describe('keyboardMove', () => {
  it('moves up and down between rows and stops at the ends', () => {
    expect(
      selected(keyboardMove('ArrowDown', rows, at('root'), new Set())),
    ).toBe('job');
    expect(selected(keyboardMove('ArrowUp', rows, at('job'), new Set()))).toBe(
      'root',
    );
    expect(selected(keyboardMove('ArrowUp', rows, 0, new Set()))).toBe('root');
    expect(
      selected(keyboardMove('ArrowDown', rows, at('leaf'), new Set())),
    ).toBe('leaf');
    expect(selected(keyboardMove('End', rows, 0, new Set()))).toBe('leaf');
    expect(selected(keyboardMove('Home', rows, 3, new Set()))).toBe('root');
  });

  it('starts at the first row when nothing is selected', () => {
    expect(selected(keyboardMove('ArrowDown', rows, -1, new Set()))).toBe(
      'root',
    );
  });

  it('collapses an open span on left, and goes to the parent of a closed one or a leaf', () => {
    expect(keyboardMove('ArrowLeft', rows, at('job'), new Set())).toEqual({
      type: 'collapse',
      spanId: 'job',
    });
    expect(
      selected(keyboardMove('ArrowLeft', rows, at('job'), new Set(['job']))),
    ).toBe('root');
    expect(
      selected(keyboardMove('ArrowLeft', rows, at('step'), new Set())),
    ).toBe('job');
    expect(
      keyboardMove('ArrowLeft', rows, at('root'), new Set(['root'])),
    ).toBeUndefined();
  });

  it('expands a closed span on right, and goes to the first child of an open one', () => {
    const collapsedRows = flattenSpanTree(tree, new Set(['job']));
    expect(
      keyboardMove('ArrowRight', collapsedRows, 1, new Set(['job'])),
    ).toEqual({ type: 'expand', spanId: 'job' });
    expect(
      selected(keyboardMove('ArrowRight', rows, at('job'), new Set())),
    ).toBe('step');
    expect(
      keyboardMove('ArrowRight', rows, at('leaf'), new Set()),
    ).toBeUndefined();
  });

  it('opens details on Enter when a span is selected, closes them on Escape', () => {
    expect(keyboardMove('Enter', rows, 1, new Set())).toEqual({
      type: 'openDetail',
    });
    expect(keyboardMove('Enter', rows, -1, new Set())).toBeUndefined();
    expect(keyboardMove('Escape', rows, -1, new Set())).toEqual({
      type: 'closeDetail',
    });
    expect(keyboardMove('a', rows, 1, new Set())).toBeUndefined();
  });
});
