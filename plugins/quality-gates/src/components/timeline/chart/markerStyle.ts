import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';

/** A deployment status's word and colour; the shape tells rollbacks apart. */
export const DEPLOYMENT_STATUS_STYLES: Record<
  DeploymentStatus,
  { label: string; color: string }
> = {
  succeeded: { label: 'Succeeded', color: '#2e7d32' },
  failed: { label: 'Failed', color: '#c62828' },
  in_progress: { label: 'In progress', color: '#1565c0' },
  rolled_back: { label: 'Rolled back', color: '#ef6c00' },
};

export function deploymentStatusStyle(status: string) {
  return (
    DEPLOYMENT_STATUS_STYLES[status as DeploymentStatus] ?? {
      label: status,
      color: '#757575',
    }
  );
}

export const INCIDENT_COLOR = '#b71c1c';
export const INCIDENT_BAND_FILL = 'rgba(211, 47, 47, 0.14)';
