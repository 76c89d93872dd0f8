import { MarkdownContent } from '@backstage/core-components';
import {
  meetsReadinessCheck,
  ReadinessCheckInfo,
  ReadinessCheckResult,
  ReadinessExemption,
  ReadinessLevel,
} from '@can-i-deploy/plugin-quality-gates-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { ExemptionNotice } from '../exemptions/ExemptionNotice';
import { levelTitle } from '../levels/levelStyle';
import { ReadinessStateChip } from '../states/ReadinessStateChip';
import { EvidenceLinks } from './EvidenceLinks';
import { MissingList } from './MissingList';
import { ReadinessItemList } from './ReadinessItemList';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    width: '100%',
  },
  title: {
    fontWeight: 500,
  },
  message: {
    flexBasis: '100%',
  },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    width: '100%',
  },
}));

/** What the items of the built-in checks are called. */
const ITEM_NOUNS: Record<string, string> = {
  alerts: 'alert rule',
  dashboards: 'dashboard',
};

export type CheckWithResult = ReadinessCheckInfo & {
  result: ReadinessCheckResult;
};

/**
 * One check: its state and message at a glance; expanded, why it matters,
 * what is missing, how to fix it, the evidence, every item and the
 * exemption. Checks that need attention open by default.
 */
export function ReadinessCheckPanel(props: {
  check: CheckWithResult;
  levels: ReadinessLevel[];
  exemption?: ReadinessExemption;
  /** Absent when the user may not grant exemptions. */
  onGrantExemption?: () => void;
  /** Absent when the user may not revoke exemptions. */
  onRevokeExemption?: (exemption: ReadinessExemption) => void;
}) {
  const classes = useStyles();
  const { check, exemption } = props;
  const { result } = check;
  // Exempt checks open too: an exemption is a decision to keep in view.
  const openByDefault =
    !meetsReadinessCheck(result.state) ||
    result.state === 'warning' ||
    result.state === 'exempt';
  const showHowToFix =
    result.state !== 'passed' && result.state !== 'not_applicable';
  const canBeExempted =
    !exemption?.active &&
    result.state !== 'passed' &&
    result.state !== 'not_applicable';

  return (
    <Accordion defaultExpanded={openByDefault} data-check={check.id}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`check-${check.id}-details`}
        id={`check-${check.id}-summary`}
      >
        <div className={classes.summary}>
          <ReadinessStateChip state={result.state} />
          <Typography className={classes.title} component="h3">
            {check.title}
          </Typography>
          {check.level && (
            <Chip
              size="small"
              variant="outlined"
              label={levelTitle(props.levels, check.level)}
            />
          )}
          <Typography
            className={classes.message}
            variant="body2"
            color="textSecondary"
          >
            {result.message}
          </Typography>
        </div>
      </AccordionSummary>
      <AccordionDetails id={`check-${check.id}-details`}>
        <div className={classes.details}>
          <Box>
            <Typography variant="subtitle2">Why it matters</Typography>
            <MarkdownContent content={check.description} />
          </Box>
          <MissingList missing={result.missing ?? []} />
          {showHowToFix && (
            <Box>
              <Typography variant="subtitle2">How to fix</Typography>
              <MarkdownContent content={check.howToFix} linkTarget="_blank" />
            </Box>
          )}
          <EvidenceLinks evidence={result.evidence ?? []} />
          <ReadinessItemList
            items={result.items ?? []}
            noun={ITEM_NOUNS[check.id]}
          />
          {exemption?.active && (
            <ExemptionNotice
              exemption={exemption}
              action={
                props.onRevokeExemption && (
                  <Button
                    size="small"
                    color="secondary"
                    onClick={() => props.onRevokeExemption?.(exemption)}
                  >
                    Revoke exemption
                  </Button>
                )
              }
            />
          )}
          {canBeExempted && props.onGrantExemption && (
            <Box>
              <Button
                size="small"
                variant="outlined"
                onClick={props.onGrantExemption}
              >
                Grant exemption
              </Button>
            </Box>
          )}
        </div>
      </AccordionDetails>
    </Accordion>
  );
}
