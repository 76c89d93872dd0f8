import { EmptyState } from '@backstage/core-components';
import { DoraScope } from '@can-i-deploy/plugin-quality-gates-common';

function environmentList(environments: string[]): string {
  const quoted = environments.map(environment => `"${environment}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

const EMPTY_SCOPE: Record<Exclude<DoraScope['kind'], 'entity'>, string> = {
  group: 'This group owns no components, so there is nothing to count.',
  system: 'This system has no components, so there is nothing to count.',
};

/**
 * Said instead of five empty tiles: there is no production deployment in
 * the window, and which environments would have counted.
 */
export function NoProductionDeployments(props: {
  scope: DoraScope;
  environments: string[];
  days: number;
}) {
  const { scope, environments } = props;
  if (scope.kind !== 'entity' && scope.entityRefs.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No components"
        description={EMPTY_SCOPE[scope.kind]}
      />
    );
  }
  const counted =
    environments.length === 0
      ? 'No environment is configured as production.'
      : `Deployments to ${environmentList(
          environments,
        )} count as production; other environments do not.`;
  return (
    <EmptyState
      missing="data"
      title={`No production deployments in the last ${props.days} days`}
      description={`${counted} Pick a longer window, or check that deployments are being reported with the production environment's name.`}
    />
  );
}
