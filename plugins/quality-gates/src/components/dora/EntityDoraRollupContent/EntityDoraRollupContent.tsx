import { useMemo } from 'react';
import { WarningPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DoraDashboard } from '../dashboard/DoraDashboard';
import { rollupScopeOf } from '../../shared/rollups/rollupScope';
import { RollupCoverage } from './RollupCoverage';

/**
 * The DORA tab of a group or a system: the figures of all its components
 * together, as if they were one.
 */
export function EntityDoraRollupContent() {
  const { entity } = useEntity();
  const scope = useMemo(() => rollupScopeOf(entity), [entity]);
  if (!scope) {
    return (
      <WarningPanel
        defaultExpanded
        title="No DORA roll-up for this entity"
        message={`Roll-ups exist for groups and systems; this is a ${entity.kind}.`}
      />
    );
  }
  return (
    <DoraDashboard
      scope={scope}
      header={response => <RollupCoverage scope={response.scope} />}
    />
  );
}
