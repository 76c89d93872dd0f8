import {
  effectiveGateVerdict,
  GateOverride,
  GateVerdict,
} from '@can-i-deploy/plugin-quality-gates-common';

/**
 * The override that applies to a gate: the newest active one in the
 * decision's scope that names the gate or names no gate (every gate).
 * `active` is newest first, as the store returns it.
 */
export function overrideFor(
  gateId: string,
  active: readonly GateOverride[],
): GateOverride | undefined {
  return active.find(
    override =>
      override.active &&
      (override.gateId === undefined || override.gateId === gateId),
  );
}

/**
 * A gate's effective verdict with the override that applies: the measured
 * verdict is kept beside it.
 */
export function applyOverride(
  evaluation: {
    gateId: string;
    verdict: GateVerdict;
    mode: Parameters<typeof effectiveGateVerdict>[1];
  },
  active: readonly GateOverride[],
): { override?: GateOverride; effectiveVerdict: GateVerdict } {
  const override = overrideFor(evaluation.gateId, active);
  return {
    ...(override ? { override } : {}),
    effectiveVerdict: effectiveGateVerdict(
      evaluation.verdict,
      evaluation.mode,
      override,
    ),
  };
}
