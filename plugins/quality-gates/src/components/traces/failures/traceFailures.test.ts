import { byStart, child, span } from '../__testUtils__/traceFixtures';
import { buildSpanTree } from '../spanTree';
import { nextFailure, traceFailures } from './traceFailures';

const failed = { status: { code: 'error' as const, message: 'exit 1' } };

// root > build > (compile, test ✗) ; root > deploy ✗ ; orphan cache
const tree = buildSpanTree(
  byStart([
    span('root', 0, 100),
    child('root', 'build', 0, 50),
    child('build', 'compile', 0, 20),
    child('build', 'test', 20, 50, failed),
    child('root', 'deploy', 50, 100, failed),
    child('gone', 'cache', 5, 10),
  ]),
);

describe('traceFailures', () => {
  it('lists failed spans in start order and marks every span above them', () => {
    const failures = traceFailures(tree);
    expect(failures.failedIds).toEqual(['test', 'deploy']);
    expect([...failures.containsFailureIds].sort()).toEqual(['build', 'root']);
  });

  it('marks the root of a failed run, not a span whose parent is missing', () => {
    const passing = buildSpanTree([
      span('root', 0, 10),
      child('root', 'step', 0, 5),
      child('gone', 'cache', 0, 5),
    ]);
    expect([...traceFailures(passing).containsFailureIds]).toEqual([]);
    expect([...traceFailures(passing, true).containsFailureIds]).toEqual([
      'root',
    ]);
  });

  it('steps to the next failed span after the selected one, wrapping round', () => {
    const { failedIds } = traceFailures(tree);
    expect(nextFailure(tree, failedIds, undefined)).toBe('test');
    expect(nextFailure(tree, failedIds, 'compile')).toBe('test');
    expect(nextFailure(tree, failedIds, 'test')).toBe('deploy');
    expect(nextFailure(tree, failedIds, 'deploy')).toBe('test');
    expect(nextFailure(tree, [], 'deploy')).toBeUndefined();
  });
});
