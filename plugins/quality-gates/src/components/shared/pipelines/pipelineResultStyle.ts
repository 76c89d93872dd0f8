import { PipelineResult } from '@can-i-deploy/plugin-quality-gates-common';

/** A run result's word and colour; a run without one is still running. */
export const PIPELINE_RESULT_STYLES: Record<
  PipelineResult | 'running',
  { label: string; color: string }
> = {
  success: { label: 'Success', color: '#2e7d32' },
  failure: { label: 'Failure', color: '#c62828' },
  error: { label: 'Error', color: '#6a1b9a' },
  timeout: { label: 'Timeout', color: '#e65100' },
  cancellation: { label: 'Cancelled', color: '#546e7a' },
  skip: { label: 'Skipped', color: '#78909c' },
  running: { label: 'Running', color: '#1565c0' },
};

export function pipelineResultStyle(result: string | undefined) {
  return (
    PIPELINE_RESULT_STYLES[(result ?? 'running') as PipelineResult] ?? {
      label: result,
      color: '#757575',
    }
  );
}
