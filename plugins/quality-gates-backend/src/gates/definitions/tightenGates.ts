import { ComponentGatesFile, CriterionConfig, GateConfig } from './gateSchema';

const MODE_STRICTNESS = { 'dry-run': 0, 'warn-only': 1, enforce: 2 };

/** Fields a component may set on a criterion the central gate already has. */
const TIGHTENING_FIELDS = new Set([
  'key',
  'source',
  'pass',
  'warning',
  'keyCriterion',
  'minSampleSize',
  // Defaults zod fills in: harmless when left as they are.
  'weight',
  'noData',
  'retries',
  'flakyTolerance',
]);

/** A gate with the component's additions, and where each criterion came from. */
export interface TightenedGate extends GateConfig {
  criteria: Array<CriterionConfig & { origin: 'central' | 'component' }>;
}

/**
 * Applies a component's gate file to the central gates. It may only make
 * them stricter:
 * - a stricter mode and higher pass/warning percentages;
 * - more comparisons on a central criterion (all must hold, so only
 *   stricter), a higher minimum sample size, or make it a key criterion;
 * - new criteria, which count as key criteria with no weight: they can
 *   fail the gate but cannot raise its score (a criterion that always
 *   passes would otherwise dilute a failing central one).
 * Anything else is a problem; the caller fails the evaluation closed.
 */
export function tightenGates(
  central: GateConfig[],
  file: ComponentGatesFile | undefined,
): { gates: TightenedGate[]; problems: string[] } {
  const problems: string[] = [];
  const gates: TightenedGate[] = central.map(gate => ({
    ...gate,
    criteria: gate.criteria.map(criterion => ({
      ...criterion,
      origin: 'central' as const,
    })),
  }));
  for (const change of file?.gates ?? []) {
    const gate = gates.find(g => g.id === change.id);
    if (!gate) {
      problems.push(
        `gate '${change.id}' is not a central gate: a component may tighten gates, not define its own`,
      );
      continue;
    }
    if (change.mode) {
      if (MODE_STRICTNESS[change.mode] < MODE_STRICTNESS[gate.mode]) {
        problems.push(
          `gate '${gate.id}': mode ${change.mode} is looser than the central ${gate.mode}`,
        );
      } else {
        gate.mode = change.mode;
      }
    }
    for (const key of ['passPercent', 'warningPercent'] as const) {
      const value = change[key];
      if (value === undefined) continue;
      if (value < gate[key]) {
        problems.push(
          `gate '${gate.id}': ${key} ${value} is lower than the central ${gate[key]}`,
        );
      } else {
        gate[key] = value;
      }
    }
    for (const criterion of change.criteria) {
      const existing = gate.criteria.find(c => c.key === criterion.key);
      if (!existing) {
        gate.criteria.push({
          ...criterion,
          weight: 0,
          keyCriterion: true,
          origin: 'component',
        });
        continue;
      }
      const where = `gate '${gate.id}' criterion '${criterion.key}'`;
      const extra = Object.keys(criterion).filter(
        field => !TIGHTENING_FIELDS.has(field),
      );
      if (extra.length > 0 || criterion.source !== existing.source) {
        problems.push(
          `${where}: a component may only add comparisons to a central criterion (not change ${[
            ...extra,
            ...(criterion.source !== existing.source ? ['source'] : []),
          ].join(', ')})`,
        );
        continue;
      }
      if (criterion.pass && !existing.pass) {
        problems.push(
          `${where}: the central criterion uses degraded/critical; add a new criterion instead`,
        );
        continue;
      }
      existing.pass = [...(existing.pass ?? []), ...(criterion.pass ?? [])];
      if (criterion.warning) {
        existing.warning = [...(existing.warning ?? []), ...criterion.warning];
      }
      if (criterion.keyCriterion) existing.keyCriterion = true;
      if (
        criterion.minSampleSize !== undefined &&
        criterion.minSampleSize > (existing.minSampleSize ?? 0)
      ) {
        existing.minSampleSize = criterion.minSampleSize;
      }
    }
  }
  return { gates, problems };
}
