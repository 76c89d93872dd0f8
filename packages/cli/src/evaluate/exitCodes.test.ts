import { exitCodeForAnswer, exitCodeForVerdict } from './exitCodes';

describe('exitCodeForVerdict', () => {
  it.each([
    ['pass', false, 0],
    ['pass', true, 0],
    ['warn', false, 0],
    ['warn', true, 3],
    ['fail', false, 1],
    ['fail', true, 1],
    ['error', false, 2],
    ['error', true, 2],
  ])('%s with failOnWarn=%p exits %p', (verdict, failOnWarn, code) => {
    expect(exitCodeForVerdict(verdict, { failOnWarn })).toBe(code);
  });

  it('treats a verdict it does not know as an error: fail closed', () => {
    expect(exitCodeForVerdict('maybe', { failOnWarn: false })).toBe(2);
  });
});

describe('exitCodeForAnswer', () => {
  it.each([
    ['yes', 'pass', false, 0],
    ['yes', 'warn', false, 0],
    ['yes', 'warn', true, 3],
    ['no', 'fail', false, 1],
    ['not_yet', 'fail', false, 1],
    ['error', 'error', false, 2],
    ['maybe', 'pass', false, 2],
  ])(
    '%s (%s) with failOnWarn=%p exits %p',
    (answer, verdict, failOnWarn, code) => {
      expect(exitCodeForAnswer({ answer, verdict }, { failOnWarn })).toBe(code);
    },
  );

  it('exits 0 for a yes that an override gave, whatever the gate measured', () => {
    expect(
      exitCodeForAnswer(
        { answer: 'yes', verdict: 'pass' },
        { failOnWarn: true },
      ),
    ).toBe(0);
  });

  it('judges an answer without `answer` by its verdict', () => {
    expect(exitCodeForAnswer({ verdict: 'fail' }, { failOnWarn: false })).toBe(
      1,
    );
  });
});
