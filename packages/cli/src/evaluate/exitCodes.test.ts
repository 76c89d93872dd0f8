import { exitCodeForVerdict } from './exitCodes';

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
