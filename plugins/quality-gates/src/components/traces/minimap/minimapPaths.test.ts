import { child, span } from '../__testUtils__/traceFixtures';
import { computeCriticalPath } from '../criticalPath';
import { buildSpanTree } from '../spanTree';
import { minimapPaths } from './minimapPaths';

describe('minimapPaths', () => {
  it('draws each span as a line in its row, failed ones and the critical path apart', () => {
    const tree = buildSpanTree([
      span('root', 0, 100),
      child('root', 'build', 0, 50, { status: { code: 'error' } }),
      child('root', 'marker', 75, 75),
    ]);
    const paths = minimapPaths(tree, computeCriticalPath(tree));
    expect(paths.rows).toBe(3);
    expect(paths.spans).toBe('M0 0.5H1000M750 2.5H750.5');
    expect(paths.failedSpans).toBe('M0 1.5H500');
    expect(paths.criticalPath).toBe('M500 0.5H1000M0 1.5H500');
  });
});
