import { gammaln } from 'simple-statistics';
import { toleranceEdge } from './toleranceBoundary';
import {
  logEvidenceAgainst,
  logGamma,
  logLikelihood,
  logMarginal,
  maxLogLikelihoodOn,
} from './twoProportions';

/** Second implementation: ∫ L(p) Beta(p; a, b) dp by the midpoint rule. */
function integratedMarginal(
  errors: number,
  requests: number,
  a: number,
  b: number,
): number {
  const steps = 200_000;
  let likelihood = 0;
  let prior = 0;
  for (let i = 0; i < steps; i++) {
    const p = (i + 0.5) / steps;
    const density = Math.pow(p, a - 1) * Math.pow(1 - p, b - 1);
    prior += density;
    likelihood +=
      density * Math.pow(p, errors) * Math.pow(1 - p, requests - errors);
  }
  return Math.log(likelihood / prior);
}

describe('beta-binomial mixture', () => {
  it.each([
    [0, 50, 1, 50],
    [3, 200, 1, 50],
    [12, 40, 2, 3],
  ])(
    'marginal of %i errors in %i requests, Beta(%d, %d), matches numerical integration',
    (errors, requests, a, b) => {
      expect(logMarginal({ errors, requests }, { a, b })).toBeCloseTo(
        integratedMarginal(errors, requests, a, b),
        4,
      );
    },
  );

  it('finds the best pair on a line as a fine grid does', () => {
    const baseline = { errors: 30, requests: 3000 };
    const candidate = { errors: 12, requests: 300 };
    const segment = { slope: 1.2, intercept: 0, from: 0, to: 1 / 1.2 };
    let grid = -Infinity;
    for (let i = 1; i < 100_000; i++) {
      const x = (i / 100_000) * segment.to;
      grid = Math.max(
        grid,
        logLikelihood(baseline, x) + logLikelihood(candidate, 1.2 * x),
      );
    }
    const found = maxLogLikelihoodOn(baseline, candidate, segment);
    expect(found).toBeGreaterThanOrEqual(grid - 1e-9);
    expect(found - grid).toBeLessThan(1e-6);
  });

  it('has no evidence against a hypothesis holding the estimate', () => {
    // 1 % against 1.1 %: the estimate lies within +20 %, on no edge.
    const e = logEvidenceAgainst(
      { errors: 100, requests: 10_000 },
      { errors: 11, requests: 1000 },
      [{ slope: 1.1, intercept: 0, from: 0, to: 1 / 1.1 }],
      { a: 1, b: 50 },
    );
    expect(e).toBeLessThan(0);
  });
});

describe('tolerance edge', () => {
  it('is max((1 + r)p₁, p₁ + a) upwards and min((1 − r)p₁, p₁ − a) downwards, in [0, 1]', () => {
    const tolerance = { relative: 0.2, absolute: 0.001 };
    const valueOn = (side: 'up' | 'down', x: number) => {
      const segment = toleranceEdge(tolerance, side).find(
        s => s.from <= x && x <= s.to,
      )!;
      return segment.slope * x + segment.intercept;
    };
    for (const x of [0, 0.001, 0.004, 0.005, 0.006, 0.3, 0.8, 0.9, 1]) {
      expect(valueOn('up', x)).toBeCloseTo(
        Math.min(1, Math.max(1.2 * x, x + 0.001)),
        12,
      );
      expect(valueOn('down', x)).toBeCloseTo(
        Math.max(0, Math.min(0.8 * x, x - 0.001)),
        12,
      );
    }
  });
});

describe('log gamma', () => {
  it('matches simple-statistics and known values', () => {
    // Γ(½) = √π, Γ(5) = 24, Γ(0.1) = 9.51350769866873.
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.51350769866873), 10);
    for (const x of [0.3, 1.7, 12.5, 480.25, 1e6]) {
      expect(logGamma(x)).toBeCloseTo(gammaln(x), 6);
    }
  });
});
