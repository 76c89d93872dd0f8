import { child, span } from './__testUtils__/traceFixtures';
import {
  filterSpans,
  searchTerms,
  spanSearchText,
  stepMatch,
} from './filterSpans';
import { buildSpanTree } from './spanTree';

const tree = buildSpanTree([
  span('root', 0, 100_000, { name: 'pipeline', serviceName: 'github-actions' }),
  child('root', 'build', 0, 60_000, {
    name: 'Build image',
    attributes: { 'cicd.pipeline.task.name': 'build', retries: 2 },
  }),
  child('build', 'push', 50_000, 60_000, {
    name: 'Push',
    attributes: {
      'oci.registry': 'registry.example.com',
      'oci.tags': ['1.4.0', 'latest'],
    },
  }),
  child('root', 'test', 60_000, 61_000, {
    name: 'Unit tests',
    serviceName: 'test-runner',
  }),
]);

describe('filterSpans', () => {
  it('matches everything, inactive, when nothing is asked', () => {
    const result = filterSpans(tree, { text: '   ' });
    expect(result.active).toBe(false);
    expect(result.orderedMatchIds).toEqual(['root', 'build', 'push', 'test']);
  });

  it('finds words in names, services, span ids and attributes, ignoring case', () => {
    expect(filterSpans(tree, { text: 'IMAGE' }).orderedMatchIds).toEqual([
      'build',
    ]);
    expect(filterSpans(tree, { text: 'runner' }).orderedMatchIds).toEqual([
      'test',
    ]);
    expect(filterSpans(tree, { text: 'push' }).orderedMatchIds).toEqual([
      'push',
    ]);
    expect(
      filterSpans(tree, { text: 'registry.example' }).orderedMatchIds,
    ).toEqual(['push']);
    expect(filterSpans(tree, { text: 'oci.registry' }).orderedMatchIds).toEqual(
      ['push'],
    );
    expect(filterSpans(tree, { text: 'retries=2' }).orderedMatchIds).toEqual([
      'build',
    ]);
    // Values that are not text are searched as JSON.
    expect(filterSpans(tree, { text: '"latest"' }).orderedMatchIds).toEqual([
      'push',
    ]);
  });

  it('wants every word, and keeps a quoted phrase together', () => {
    expect(filterSpans(tree, { text: 'unit tests' }).orderedMatchIds).toEqual([
      'test',
    ]);
    expect(filterSpans(tree, { text: 'unit image' }).orderedMatchIds).toEqual(
      [],
    );
    expect(
      filterSpans(tree, { text: '"build image"' }).orderedMatchIds,
    ).toEqual(['build']);
    expect(
      filterSpans(tree, { text: '"image build"' }).orderedMatchIds,
    ).toEqual([]);
  });

  it('drops spans shorter than the minimum duration', () => {
    expect(
      filterSpans(tree, { minDurationMicros: 10_000 }).orderedMatchIds,
    ).toEqual(['root', 'build', 'push']);
    expect(
      filterSpans(tree, { text: 'p', minDurationMicros: 20_000 })
        .orderedMatchIds,
    ).toEqual(['root', 'build']);
  });

  it('keeps the ancestors of matches, so that "only matches" keeps the tree', () => {
    const result = filterSpans(tree, { text: 'registry' });
    expect([...result.matchIds]).toEqual(['push']);
    expect([...result.keptIds].sort()).toEqual(['build', 'push', 'root']);
  });
});

describe('searchTerms', () => {
  it('splits on spaces, lower-cases, and keeps quoted phrases whole', () => {
    expect(searchTerms('  Deploy "to PROD"  env=prod ""')).toEqual([
      'deploy',
      'to prod',
      'env=prod',
    ]);
  });
});

describe('spanSearchText', () => {
  it('writes attributes as key=value lines', () => {
    expect(spanSearchText(tree.byId.get('build')!.span)).toBe(
      'build image\nci\nbuild\ncicd.pipeline.task.name=build\nretries=2',
    );
  });
});

describe('stepMatch', () => {
  const matches = ['root', 'push', 'test'];

  it('goes to the next or previous match, round at the ends', () => {
    expect(stepMatch(tree, matches, 'root', 1)).toBe('push');
    expect(stepMatch(tree, matches, 'test', 1)).toBe('root');
    expect(stepMatch(tree, matches, 'push', -1)).toBe('root');
    expect(stepMatch(tree, matches, 'root', -1)).toBe('test');
  });

  it('goes from a selected span that is no match to the matches around it', () => {
    expect(stepMatch(tree, matches, 'build', 1)).toBe('push');
    expect(stepMatch(tree, matches, 'build', -1)).toBe('root');
  });

  it('starts at the ends with nothing selected, and finds nothing without matches', () => {
    expect(stepMatch(tree, matches, undefined, 1)).toBe('root');
    expect(stepMatch(tree, matches, undefined, -1)).toBe('test');
    expect(stepMatch(tree, [], 'root', 1)).toBeUndefined();
  });
});
