import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import { useEntityLinks } from '../shared/links/useEntityLinks';
import { useDecisionLink } from '../gates/decision/useDecisionLink';
import { answerStyle } from '../gates/decision/answerStyle';
import { ReadinessLevelChip } from '../readiness/levels/ReadinessLevelChip';
import { levelTitle } from '../readiness/levels/levelStyle';
import { useCatalogColumnsEntry } from './useCatalogColumnsEntry';

interface CellProps {
  entityRef: string;
  environment?: string;
}

/** A cell whose row could not be loaded: the table itself still shows. */
function Unavailable(props: { error: Error }) {
  return (
    <Tooltip title={props.error.message}>
      <Typography variant="body2" color="textSecondary">
        Unavailable
      </Typography>
    </Tooltip>
  );
}

/** The readiness level as a badge, linking to the entity's readiness tab. */
export function ReadinessLevelCell(props: CellProps) {
  const { value, loading, error } = useCatalogColumnsEntry(
    props.entityRef,
    props.environment,
  );
  const { readinessTab } = useEntityLinks();
  if (loading) return <Skeleton width={64} />;
  if (error) return <Unavailable error={error} />;
  const readiness = value?.item?.readiness;
  if (!value || !readiness) {
    return (
      <Typography variant="body2" color="textSecondary">
        Not evaluated
      </Typography>
    );
  }
  const title = readiness.level
    ? levelTitle(value.levels, readiness.level)
    : 'No level';
  return (
    <Link to={readinessTab(props.entityRef)} aria-label={`Readiness: ${title}`}>
      <ReadinessLevelChip
        levels={value.levels}
        level={readiness.level}
        size="small"
      />
    </Link>
  );
}

/** The newest decision's answer, linking to that decision's page. */
export function LastDecisionCell(props: CellProps) {
  const { value, loading, error } = useCatalogColumnsEntry(
    props.entityRef,
    props.environment,
  );
  const decisionLink = useDecisionLink();
  if (loading) return <Skeleton width={48} />;
  if (error) return <Unavailable error={error} />;
  const decision = value?.item?.decision;
  if (!decision) {
    return (
      <Typography variant="body2" color="textSecondary">
        Not asked yet
      </Typography>
    );
  }
  const { label, color, Icon } = answerStyle(decision.answer);
  const content = (
    <Box display="inline-flex" alignItems="center" style={{ gap: 4 }}>
      <Icon fontSize="small" style={{ color }} />
      {label}
    </Box>
  );
  const href = decisionLink(decision.id);
  return (
    <Tooltip title={`Version ${decision.version}`}>
      {href ? (
        <Link to={href} aria-label={`Last decision: ${label}`}>
          {content}
        </Link>
      ) : (
        <span aria-label={`Last decision: ${label}`}>{content}</span>
      )}
    </Tooltip>
  );
}
