import {
  normalLowerTail,
  normalQuantile,
  normalUpperTail,
  pValueOfZ,
} from './normal';

// Reference values: standard normal tables (Abramowitz & Stegun 26.2).
describe('normal distribution', () => {
  it.each([
    [0, 0.5],
    [1, 0.158655254],
    [1.959963985, 0.025],
    [2.575829304, 0.005],
    [3, 0.001349898],
    [5, 2.866515719e-7],
  ])('upper tail at %p is %p', (z, tail) => {
    expect(normalUpperTail(z)).toBeCloseTo(tail, 7);
    expect(normalUpperTail(z) / tail).toBeCloseTo(1, 5);
    expect(normalLowerTail(-z)).toBeCloseTo(tail, 7);
  });

  it.each([
    [0.975, 1.959963985],
    [0.995, 2.575829304],
    [0.95, 1.644853627],
    [0.5, 0],
    [0.001, -3.090232306],
  ])('quantile of %p is %p', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 6);
  });

  it('gives one- and two-sided p-values by direction', () => {
    expect(pValueOfZ(1.959963985, 'either')).toBeCloseTo(0.05, 7);
    expect(pValueOfZ(1.959963985, 'increase')).toBeCloseTo(0.025, 7);
    expect(pValueOfZ(1.959963985, 'decrease')).toBeCloseTo(0.975, 7);
    expect(pValueOfZ(NaN, 'either')).toBe(1);
  });
});
