import { normalUpperTail } from '../normal';
import {
  logNormalMixture,
  normalMixtureBoundary,
  tunedPrecision,
} from './normalMixture';

describe('one-sided normal mixture', () => {
  it('matches the integral of exp(λS − λ²I/2) over a half-normal λ', () => {
    const rho = 40;
    for (const [s, information] of [
      [10, 100],
      [-5, 100],
      [60, 3000],
    ]) {
      // Midpoint rule over λ in [0, 12/√ρ], the half-normal's density.
      const steps = 200_000;
      const top = 12 / Math.sqrt(rho);
      let sum = 0;
      for (let i = 0; i < steps; i++) {
        const lambda = ((i + 0.5) / steps) * top;
        const density =
          2 *
          Math.sqrt(rho / (2 * Math.PI)) *
          Math.exp((-rho * lambda ** 2) / 2);
        sum += density * Math.exp(lambda * s - (lambda ** 2 * information) / 2);
      }
      expect(logNormalMixture(s, information, rho)).toBeCloseTo(
        Math.log((sum * top) / steps),
        5,
      );
    }
  });

  it('has a boundary wider than the fixed-sample one and growing like √(I log I)', () => {
    const rho = tunedPrecision(3000, Math.log(100));
    const boundary = (information: number) =>
      normalMixtureBoundary(information, rho, Math.log(100)) /
      Math.sqrt(information);
    // In standard errors: above the one-sided z of 99 % (2.326) everywhere.
    for (const information of [100, 3000, 1e5, 1e7]) {
      expect(boundary(information)).toBeGreaterThan(2.326);
      expect(normalUpperTail(boundary(information))).toBeLessThan(0.01);
    }
    expect(boundary(1e7)).toBeGreaterThan(boundary(3000));
    // Tuned at 3000: lower there than when tuned elsewhere.
    expect(boundary(3000)).toBeLessThan(
      normalMixtureBoundary(3000, rho * 20, Math.log(100)) / Math.sqrt(3000),
    );
  });
});
