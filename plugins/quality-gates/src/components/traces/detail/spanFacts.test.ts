import { nanosAfterStart, span } from '../__testUtils__/traceFixtures';
import {
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
