import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Link } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { byStateThenOrder, isFailingState } from '../checks/checkOrder';
import { ReadinessLevelChip } from '../levels/ReadinessLevelChip';
import { levelTitle } from '../levels/levelStyle';
import { useEntityLinks } from '../../shared/links/useEntityLinks';
import { ReadinessStateChip } from '../states/ReadinessStateChip';
import { ReadinessStateCountList } from '../states/ReadinessStateCountList';
import { RelativeTime } from '../../shared/format/RelativeTime';

/** How many checks that need work the card names. */
const TOP_CHECKS = 3;

const useStyles = makeStyles(theme => ({
  headline: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
}));

/**
 * A compact readiness card for the entity overview: level, score, counts
 * and the checks that most need work, with a link to the full tab.
 */
export function EntityReadinessCard() {
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(qualityGatesApiRef);
  const { readinessTab } = useEntityLinks();
  const { value, loading, error } = useAsync(
    () => api.getEntityReadiness(entityRef),
    [api, entityRef],
  );

  const deepLink = { title: 'View readiness', link: readinessTab(entityRef) };

  if (loading) {
    return (
      <InfoCard title="Production readiness">
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title="Production readiness">
        {error && <ResponseErrorPanel error={error} />}
      </InfoCard>
    );
  }

  const { summary, levels } = value;
  if (!summary) {
    return (
      <InfoCard title="Production readiness" deepLink={deepLink}>
        <Typography variant="body2">Not evaluated yet.</Typography>
      </InfoCard>
    );
  }

  const needWork = byStateThenOrder(
    value.checks.filter(
      check =>
        isFailingState(check.result.state) || check.result.state === 'warning',
    ),
  ).slice(0, TOP_CHECKS);

  return (
    <InfoCard title="Production readiness" deepLink={deepLink}>
      <div className={classes.headline}>
        <ReadinessLevelChip
          levels={levels}
          level={summary.level}
          size="medium"
        />
        <Typography variant="h6" component="p">
          {summary.score === null ? 'No score' : `Score ${summary.score}%`}
        </Typography>
        {summary.nextLevel && (
          <Typography variant="body2" color="textSecondary">
            Next: {levelTitle(levels, summary.nextLevel)}
          </Typography>
        )}
      </div>
      <Box mt={2}>
        <ReadinessStateCountList counts={summary.counts} />
      </Box>
      {needWork.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2">Needs work</Typography>
          <List dense aria-label="Checks that need work">
            {needWork.map(check => (
              <ListItem key={check.id} disableGutters>
                <Box mr={1}>
                  <ReadinessStateChip state={check.result.state} />
                </Box>
                <ListItemText
                  primary={
                    // The check on the readiness tab, scrolled to.
                    <Link
                      to={`${readinessTab(entityRef)}#check-${
                        check.id
                      }-summary`}
                    >
                      {check.title}
                    </Link>
                  }
                  secondary={check.result.message}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      <Typography variant="caption" color="textSecondary">
        Last evaluated <RelativeTime iso={summary.evaluatedAt} />
      </Typography>
    </InfoCard>
  );
}
