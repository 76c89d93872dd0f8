import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import { child, span, TRACE_START_MICROS } from './__testUtils__/traceFixtures';
import { computeCriticalPath, criticalMicros } from './criticalPath';
import { buildSpanTree } from './spanTree';

/** The path as `spanId start-end`, in offsets from the trace's start. */
function pathOf(spans: TraceSpan[]): string[] {
  return computeCriticalPath(buildSpanTree(spans)).segments.map(
    segment =>
      `${segment.spanId} ${segment.startMicros - TRACE_START_MICROS}-${
        segment.endMicros - TRACE_START_MICROS
      }`,
  );
}

describe('computeCriticalPath', () => {
  it('follows children one after the other, back to back, with the parent around them', () => {
    expect(
      pathOf([
        span('build', 0, 100),
        child('build', 'checkout', 10, 40),
        child('build', 'compile', 40, 90),
      ]),
    ).toEqual([
      'build 0-10',
      'checkout 10-40',
      'compile 40-90',
      'build 90-100',
    ]);
  });

  it('takes, of parallel children, the one that ends last, and the parent before it', () => {
    expect(
      pathOf([
        span('build', 0, 100),
        child('build', 'lint', 0, 80),
        child('build', 'unit', 10, 60),
        child('build', 'e2e', 20, 95),
      ]),
    ).toEqual(['build 0-20', 'e2e 20-95', 'build 95-100']);
  });

  it('continues before a child with the child that ended before it started', () => {
    expect(
      pathOf([
        span('build', 0, 100),
        child('build', 'long', 0, 30),
        child('build', 'overlapping', 25, 50),
        child('build', 'last', 40, 100),
      ]),
    ).toEqual(['long 0-30', 'build 30-40', 'last 40-100']);
  });

  it('lets the parent fill the gaps between children', () => {
    expect(
      pathOf([
        span('build', 0, 100),
        child('build', 'a', 10, 20),
        child('build', 'b', 50, 60),
      ]),
    ).toEqual([
      'build 0-10',
      'a 10-20',
      'build 20-50',
      'b 50-60',
      'build 60-100',
    ]);
  });

  it('splits a parent into several segments and walks nested children', () => {
    const path = computeCriticalPath(
      buildSpanTree([
        span('pipeline', 0, 100),
        child('pipeline', 'early', 0, 30),
        child('pipeline', 'job', 10, 90),
        child('job', 'step1', 20, 50),
        child('job', 'step2', 60, 80),
      ]),
    );
    const job = path.bySpanId
      .get('job')!
      .map(segment => [
        segment.startMicros - TRACE_START_MICROS,
        segment.endMicros - TRACE_START_MICROS,
      ]);
    expect(job).toEqual([
      [10, 20],
      [50, 60],
      [80, 90],
    ]);
    expect(criticalMicros(path.bySpanId.get('job'))).toBe(30);
    // `early` overlaps the start of `job`, so it does not hold the pipeline up.
    expect(path.bySpanId.has('early')).toBe(false);
    expect(criticalMicros(path.bySpanId.get('pipeline'))).toBe(20);
  });

  it('clips a child that ends after its parent, and ignores one wholly after it', () => {
    expect(
      pathOf([
        span('deploy', 0, 100),
        child('deploy', 'notify', 50, 150),
        child('deploy', 'after', 120, 130),
      ]),
    ).toEqual(['deploy 0-50', 'notify 50-100']);
  });

  it('clips a child that starts before its parent', () => {
    expect(
      pathOf([span('job', 10, 100), child('job', 'early', 0, 40)]),
    ).toEqual(['early 10-40', 'job 40-100']);
  });

  it('puts zero-length spans on no segment and does not split their parent', () => {
    expect(
      pathOf([
        span('build', 0, 100),
        child('build', 'marker', 50, 50),
        child('build', 'marker-at-end', 100, 100),
      ]),
    ).toEqual(['build 0-100']);
    expect(pathOf([span('instant', 5, 5)])).toEqual([]);
  });

  it('starts in the root that covers the trace end and goes on in roots that ended before it', () => {
    expect(
      pathOf([
        span('first', 0, 50),
        span('overlapping', 20, 70),
        child('lost-parent', 'last', 60, 100),
      ]),
    ).toEqual(['first 0-50', 'last 60-100']);
  });

  it('picks, of children ending together, the one that started first', () => {
    expect(
      pathOf([
        span('build', 0, 100),
        child('build', 'short', 50, 80),
        child('build', 'long', 10, 80),
      ]),
    ).toEqual(['build 0-10', 'long 10-80', 'build 80-100']);
  });

  it('walks a chain 10,000 deep without running out of stack', () => {
    const depth = 10_000;
    // Span i runs from i to 2 * depth - i: each one nests in the last.
    const spans = [span('s0', 0, 2 * depth)];
    for (let i = 1; i < depth; i++) {
      spans.push(child(`s${i - 1}`, `s${i}`, i, 2 * depth - i));
    }
    const path = pathOf(spans);
    expect(path).toHaveLength(2 * (depth - 1) + 1);
    expect(path[0]).toBe('s0 0-1');
    expect(path[depth - 1]).toBe(`s${depth - 1} ${depth - 1}-${depth + 1}`);
    expect(path[path.length - 1]).toBe(`s0 ${2 * depth - 1}-${2 * depth}`);
  });

  it('is empty for an empty trace', () => {
    expect(pathOf([])).toEqual([]);
  });
});
