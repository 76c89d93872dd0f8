import { nanosAfterStart, span } from '../__testUtils__/traceFixtures';
import {
  pipelineRunLabel,
  attributeText,
  eventOffsetMicros,
  sortedAttributes,
} from './spanFacts';

describe('eventOffsetMicros', () => {
  const step = span('step', 1_000, 5_000);

  it('measures from the span start to the nanosecond', () => {
    const at = nanosAfterStart(1_250, 500);
    expect(eventOffsetMicros({ name: 'retry', timeUnixNano: at }, step)).toBe(
      250.5,
    );
  });

  it('is undefined for a time that is not a number', () => {
    expect(
      eventOffsetMicros({ name: 'bad', timeUnixNano: 'soon' }, step),
    ).toBeUndefined();
  });
});

describe('sortedAttributes', () => {
  it('sorts by key and writes values that are not text as JSON', () => {
    expect(
      sortedAttributes({
        'z.last': 'text',
        'a.first': 3,
        nested: { ok: true },
        list: [1, 'a'],
        nothing: null,
      }),
    ).toEqual([
      ['a.first', '3'],
      ['list', '[1,"a"]'],
      ['nested', '{"ok":true}'],
      ['nothing', 'null'],
      ['z.last', 'text'],
    ]);
    expect(sortedAttributes(undefined)).toEqual([]);
    expect(attributeText(false)).toBe('false');
  });
});

describe('pipelineRunLabel', () => {
  const root = span('root', 0, 10, {
    pipelineRunId: '9f0c2d1e-5b7a-4c3e-8d2f-1a2b3c4d5e6f',
    attributes: { 'cicd.pipeline.name': 'ci', 'cicd.pipeline.run.id': 812 },
  });

  it('names the run by its pipeline and run number', () => {
    expect(
      pipelineRunLabel([root], '9f0c2d1e-5b7a-4c3e-8d2f-1a2b3c4d5e6f'),
    ).toBe('ci #812');
  });

  it('falls back to the start of the stored id when no span names the run', () => {
    expect(
      pipelineRunLabel(
        [span('other', 0, 10)],
        '9f0c2d1e-5b7a-4c3e-8d2f-1a2b3c4d5e6f',
      ),
    ).toBe('9f0c2d1e');
  });
});
