import { nearestRank, readTraceDefinition } from './traceDefinition';

describe('nearestRank', () => {
  it('is the smallest rank with at least that share of values at or below it', () => {
    expect(nearestRank(95, 20)).toBe(19);
    expect(nearestRank(95, 60)).toBe(57);
    expect(nearestRank(50, 3)).toBe(2);
    expect(nearestRank(50, 4)).toBe(2);
    expect(nearestRank(100, 7)).toBe(7);
    expect(nearestRank(95, 1)).toBe(1);
  });
});

describe('readTraceDefinition', () => {
  it('defaults minSpans to 1', () => {
    expect(
      readTraceDefinition({ spanName: 'POST /pay', assert: 'errorSpans' }),
    ).toEqual({ spanName: 'POST /pay', assert: 'errorSpans', minSpans: 1 });
  });

  it('names what is wrong', () => {
    expect(() =>
      readTraceDefinition({ spanName: 'x', assert: 'durationP99Ms' }),
    ).toThrow(
      'trace criterion.assert: must be one of errorSpans, durationP50Ms, durationP95Ms, durationMaxMs',
    );
    expect(() => readTraceDefinition({ assert: 'errorSpans' })).toThrow(
      /trace criterion\.spanName/,
    );
    expect(() =>
      readTraceDefinition({
        spanName: 'x',
        assert: 'errorSpans',
        minSpan: 3,
      }),
    ).toThrow(/minSpan/);
  });
});
