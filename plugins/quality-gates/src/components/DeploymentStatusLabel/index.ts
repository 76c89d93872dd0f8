export { DeploymentStatusLabel } from './DeploymentStatusLabel';
