import { Link, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { DecisionGateList } from '../historyPage/DecisionGateList';
import { DecisionAnswerChip } from './DecisionAnswerChip';
import { askedBy } from './decisionWords';
import { useDecisionLink } from './useDecisionLink';

/** Enough to see the last few questions asked about one deployment. */
const SHOWN = 5;

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  sentence: {
    overflowWrap: 'anywhere',
  },
}));

/**
 * The decisions about one version of an entity in one environment, newest
 * first, each with its gates by title (dry-run and warn-only marked): what
 * the gates said about exactly this deployment, nothing about another.
 */
export function VersionDecisions(props: {
  entityRef: string;
  environment: string;
  version: string;
}) {
  const classes = useStyles();
  const api = useApi(qualityGatesApiRef);
  const decisionLink = useDecisionLink();
  const { entityRef, environment, version } = props;
  const page = useAsync(
    () => api.listDecisions({ entityRef, environment, version, limit: SHOWN }),
    [api, entityRef, environment, version],
  );

  if (page.error) return <ResponseErrorPanel error={page.error} />;
  if (!page.value) return <LinearProgress />;
  // The filter is the backend's; this keeps another version out regardless.
  const decisions = page.value.items.filter(
    d => d.version === version && d.environment === environment,
  );
  if (decisions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nobody asked the gates about {version} in {environment}.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label={`Decisions about ${version}`}>
      {decisions.map(decision => {
        const link = decisionLink(decision.id);
        return (
          <li key={decision.id} data-decision={decision.id}>
            <div className={classes.line}>
              <DecisionAnswerChip answer={decision.answer} size="small" />
              <Typography variant="caption" color="textSecondary">
                <RelativeTime iso={decision.decidedAt} /> ·{' '}
                {askedBy(decision.trigger, decision.requestedBy)}
              </Typography>
              {link && <Link to={link}>Open decision</Link>}
            </div>
            <Typography variant="body2" className={classes.sentence}>
              {decision.sentence}
            </Typography>
            <DecisionGateList gates={decision.gates} />
          </li>
        );
      })}
      {page.value.total > decisions.length && (
        <Typography variant="caption" color="textSecondary" component="li">
          {page.value.total - decisions.length} older decisions in the gate
          history.
        </Typography>
      )}
    </ul>
  );
}
