import { ComponentGatesFile, GateConfig } from './gateSchema';
import {
  addedCriterion,
  tightenCriterion,
  TightenedCriterion,
} from './tightenCriterion';

const MODE_STRICTNESS = { 'dry-run': 0, 'warn-only': 1, enforce: 2 };

/** A gate with the component's additions, and where each criterion came from. */
export interface TightenedGate extends GateConfig {
  criteria: TightenedCriterion[];
}

/**
 * Applies a component's gate file to the central gates. It may only make
 * them stricter:
 * - a stricter mode and higher pass/warning percentages;
 * - a central criterion made stricter, field by field (`tightenCriterion`);
 * - new criteria, which count as key criteria with no weight
 *   (`addedCriterion`).
 * Anything else is a problem naming the field; the caller fails the
 * evaluation closed.
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
      const where = `gate '${gate.id}' criterion '${criterion.key}'`;
      const index = gate.criteria.findIndex(c => c.key === criterion.key);
      const result =
        index === -1
          ? addedCriterion(criterion, where)
          : tightenCriterion(gate.criteria[index], criterion, where);
      problems.push(...result.problems);
      if (index === -1) gate.criteria.push(result.criterion);
      else gate.criteria[index] = result.criterion;
    }
  }
  return { gates, problems };
}
