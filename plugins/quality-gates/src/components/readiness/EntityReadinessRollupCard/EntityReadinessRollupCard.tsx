import { useMemo } from 'react';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef, useEntity } from '@backstage/plugin-catalog-react';
import { ReadinessRollupResponse } from '@can-i-deploy/plugin-quality-gates-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { useEntityLinks } from '../../shared/links/useEntityLinks';
import { useReadinessOverviewLink } from '../../shared/links/useReadinessOverviewLink';
import { rollupScopeOf } from '../../shared/rollups/rollupScope';
import { LevelDistributionBar } from '../levels/LevelDistributionBar';
import { ReadinessLevelChip } from '../levels/ReadinessLevelChip';

const TITLE = 'Production readiness';
/** How many failing checks and components the card names. */
const WORST_CHECKS = 3;
const COMPONENTS_SHOWN = 8;

function nameOf(entityRef: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(entityRef), {
      defaultKind: 'component',
    });
  } catch {
    return entityRef;
  }
}

function coverageOf(scope: ReadinessRollupResponse['scope'], total: number) {
  const components = `${total} ${total === 1 ? 'component' : 'components'}`;
  if (scope.kind === 'system') return `${components} of this system`;
  return scope.includesSubgroups
    ? `${components} owned by this group and its sub-groups`
    : `${components} owned by this group`;
}

/**
 * A group's or system's readiness at a glance: how many of its components
 * are at each level, the checks failing for the most of them, and the
 * least ready components, each linked to its readiness tab.
 */
export function EntityReadinessRollupCard() {
  const { entity } = useEntity();
  const scope = useMemo(() => rollupScopeOf(entity), [entity]);
  const api = useApi(qualityGatesApiRef);
  const { readinessTab } = useEntityLinks();
  const overviewLink = useReadinessOverviewLink();
  const { value, loading, error } = useAsync(
    async () =>
      scope
        ? api.getReadinessRollup({ ...scope, worstChecks: WORST_CHECKS })
        : undefined,
    [api, scope],
  );

  if (!scope) {
    return (
      <InfoCard title={TITLE}>
        <Typography variant="body2">
          Readiness rolls up for groups and systems; this is a {entity.kind}.
        </Typography>
      </InfoCard>
    );
  }
  // The overview filters by direct owner; a group's sub-groups are one
  // click further there (group by owner).
  const overview =
    'group' in scope
      ? overviewLink({ owner: scope.group })
      : overviewLink({ system: scope.system });
  const deepLink = overview
    ? { title: 'Open in readiness overview', link: overview }
    : undefined;

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={TITLE}>
        {error && <ResponseErrorPanel error={error} />}
      </InfoCard>
    );
  }

  const { distribution, worstChecks, items, levels } = value;
  if (distribution.total === 0) {
    return (
      <InfoCard title={TITLE} deepLink={deepLink}>
        <Typography variant="body2">
          {coverageOf(value.scope, 0)} that you can see.
        </Typography>
      </InfoCard>
    );
  }

  const shown = items.slice(0, COMPONENTS_SHOWN);
  return (
    <InfoCard
      title={TITLE}
      subheader={coverageOf(value.scope, distribution.total)}
      deepLink={deepLink}
    >
      <LevelDistributionBar levels={levels} distribution={distribution} />
      {worstChecks.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2">Failing most often</Typography>
          <List dense aria-label="Checks failing most often">
            {worstChecks.map(check => (
              <ListItem key={check.checkId} disableGutters>
                <ListItemText
                  primary={`${check.title}: ${check.count} of ${distribution.total}`}
                  secondary={check.entityRefs.map((ref, index) => (
                    <span key={ref}>
                      {index > 0 && ', '}
                      <Link to={readinessTab(ref)}>{nameOf(ref)}</Link>
                    </span>
                  ))}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      <Box mt={1}>
        <Typography variant="subtitle2">Least ready</Typography>
        <List dense aria-label="Components, least ready first">
          {shown.map(item => (
            <ListItem key={item.entityRef} disableGutters>
              <ListItemText
                primary={
                  <Link to={readinessTab(item.entityRef)}>
                    {item.title ?? nameOf(item.entityRef)}
                  </Link>
                }
                secondary={
                  // eslint-disable-next-line no-nested-ternary
                  !item.evaluated
                    ? 'Not evaluated'
                    : item.score === null
                    ? 'No score'
                    : `Score ${item.score}%`
                }
              />
              {item.evaluated && (
                <ReadinessLevelChip levels={levels} level={item.level} />
              )}
            </ListItem>
          ))}
        </List>
        {items.length > shown.length && (
          <Typography variant="caption" color="textSecondary">
            and {items.length - shown.length} more
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
}
