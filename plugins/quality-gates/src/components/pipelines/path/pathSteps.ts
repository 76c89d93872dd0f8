import { PathStep } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';

/**
 * Steps in time order, earliest first; steps at the same time keep the
 * order the backend gave (a run before the deployment it performed).
 */
export function orderedSteps(steps: readonly PathStep[]): PathStep[] {
  return steps
    .map((step, index) => ({
      step,
      index,
      ms: DateTime.fromISO(step.at).toMillis(),
    }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ step }) => step);
}

/** What the step is, in a few words, e.g. `Deployed to staging`. */
export function stepTitle(step: PathStep): string {
  if (step.kind === 'pipelineRun') {
    const run = step.pipelineRun;
    return `CI: ${run.pipelineName}${run.runId ? ` #${run.runId}` : ''}`;
  }
  return `Deployment to ${step.deployment.environment}`;
}
