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

function StatusIcon(props: { status: DeploymentStatus; label: string }) {
  switch (props.status) {
    case 'succeeded':
      return <StatusOK>{props.label}</StatusOK>;
    case 'failed':
      return <StatusError>{props.label}</StatusError>;
    case 'rolled_back':
      return <StatusAborted>{props.label}</StatusAborted>;
    default:
      return <StatusRunning>{props.label}</StatusRunning>;
  }
}

/**
 * A deployment's status as an icon and a word, never colour alone; the
 * word never breaks ("Succeed-ed") in a narrow table column.
 */
export function DeploymentStatusLabel(props: { status: DeploymentStatus }) {
  const label = LABELS[props.status] ?? props.status;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <StatusIcon status={props.status} label={label} />
    </span>
  );
}
