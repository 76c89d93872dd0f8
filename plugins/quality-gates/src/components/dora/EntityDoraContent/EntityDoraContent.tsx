import { useMemo } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DoraDashboard } from '../dashboard/DoraDashboard';

/**
 * The entity's DORA tab: how often it reaches production, how fast
 * changes get there, how often that fails and how fast it recovers.
 */
export function EntityDoraContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const scope = useMemo(() => ({ entityRef }), [entityRef]);
  return <DoraDashboard scope={scope} />;
}
