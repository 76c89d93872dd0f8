import { EnvironmentLag } from '@can-i-deploy/plugin-quality-gates-common';
import { countOf } from '../../shared/format/formatNumber';

/** e.g. `2 versions, 5 commits ahead of production`, or that nothing waits. */
export function lagText(lag: EnvironmentLag): string {
  if (lag.versionsAhead === 0 && lag.changesAhead === 0) {
    return 'Nothing waiting for production';
  }
  const parts = [];
  if (lag.versionsAhead > 0) parts.push(countOf(lag.versionsAhead, 'version'));
  if (lag.changesAhead > 0) parts.push(countOf(lag.changesAhead, 'commit'));
  return `${parts.join(', ')} ahead of production`;
}
