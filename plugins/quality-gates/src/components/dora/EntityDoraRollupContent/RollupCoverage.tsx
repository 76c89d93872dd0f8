import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { DoraScope } from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { countOf } from '../../shared/format/formatNumber';

const OWNED_HOW: Record<DoraScope['kind'], string> = {
  group: 'owned by this group',
  system: 'of this system',
  entity: '',
};

/** How many components the roll-up counts, and which, as links. */
export function RollupCoverage(props: { scope: DoraScope }) {
  const { scope } = props;
  return (
    <div data-rollup-components={scope.entityRefs.length}>
      <Typography variant="subtitle1" component="p">
        Roll-up of {countOf(scope.entityRefs.length, 'component')}{' '}
        {OWNED_HOW[scope.kind]}
      </Typography>
      {scope.entityRefs.length > 0 && (
        <Typography variant="body2" component="div">
          <EntityRefLinks
            entityRefs={scope.entityRefs}
            defaultKind="component"
          />
        </Typography>
      )}
    </div>
  );
}
