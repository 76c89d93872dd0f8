import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusRunning,
} from '@backstage/core-components';
import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';

const LABELS: Record<DeploymentStatus, string> = {
  in_progress: 'In progress',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rolled_back: 'Rolled back',
};

/** A deployment's status as an icon and a word, never colour alone. */
export function DeploymentStatusLabel(props: { status: DeploymentStatus }) {
  const label = LABELS[props.status] ?? props.status;
  switch (props.status) {
    case 'succeeded':
      return <StatusOK>{label}</StatusOK>;
    case 'failed':
      return <StatusError>{label}</StatusError>;
    case 'rolled_back':
      return <StatusAborted>{label}</StatusAborted>;
    default:
      return <StatusRunning>{label}</StatusRunning>;
  }
}
