import { useMemo } from 'react';
import { ContentHeader } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { AsyncContent } from '../../shared/AsyncContent';
import { HistoryFilters } from '../historyPage/HistoryFilters';
import { useHistoryQuery } from '../historyPage/useHistoryQuery';
import { EffectivenessTable } from './EffectivenessTable';
import {
  DEFAULT_PERIOD_DAYS,
  EFFECTIVENESS_FILTERS,
  effectivenessRequest,
} from './effectivenessRequest';
import { FlakyCriteriaTable } from './FlakyCriteriaTable';
import { formatDate } from '../../shared/format/formatTime';

const useStyles = makeStyles(theme => ({
  section: {
    marginBottom: theme.spacing(3),
  },
  legend: {
    padding: theme.spacing(1, 2, 2),
  },
}));

/** `24 h`, `90 min`: the window, short. */
function formatWindow(seconds: number): string {
  return seconds % 3600 === 0
    ? `${seconds / 3600} h`
    : `${Math.round(seconds / 60)} min`;
}

/** The period as days, the last one included (`to` is exclusive). */
function formatPeriod(from: string, to: string): string {
  return `${formatDate(from)} – ${formatDate(
    DateTime.fromISO(to).minus({ milliseconds: 1 }).toISO()!,
  )}`;
}

/**
 * "Are our gates right?": how each gate and criterion judged the versions
 * evaluated in the period against what became of them, and the criteria
 * that changed their mind about a version.
 */
export function GateEffectivenessView() {
  const classes = useStyles();
  const api = useApi(qualityGatesApiRef);
  const { query, update, reset } = useHistoryQuery();
  // The period is fixed when the filters change, not on every render.
  const { request, defaulted } = useMemo(
    () => effectivenessRequest(query),
    [query],
  );
  const state = useAsync(
    () => api.getGateEffectiveness(request),
    [api, request],
  );

  return (
    <>
      <ContentHeader
        title="Are our gates right?"
        description="Each version counts once per gate, by its latest verdict in the period, dry-run and warn-only gates by what they recorded"
      />
      <HistoryFilters
        query={query}
        only={EFFECTIVENESS_FILTERS}
        onChange={(name, value) => update({ [name]: value })}
        onReset={reset}
      />
      <Typography variant="body2" paragraph>
        {formatPeriod(request.from, request.to)}
        {defaulted &&
          ` (days left open: the end is today, the start ${DEFAULT_PERIOD_DAYS} days before the end)`}
      </Typography>
      <AsyncContent state={state} showReloading>
        {answer => (
          <>
            <Paper className={classes.section}>
              <EffectivenessTable gates={answer.gates} />
              <Typography
                variant="caption"
                color="textSecondary"
                component="p"
                className={classes.legend}
              >
                A version is bad when a deployment of it failed or was rolled
                back, or an incident is tied to it (named as its cause, or
                opened within {formatWindow(answer.windowSeconds)} after it
                shipped); good when it shipped and that time passed without any.
                Sensitivity: true blocks ÷ bad versions. Specificity: correct
                passes ÷ good versions. Errors and no data are no judgement and
                stay out of both.
              </Typography>
            </Paper>
            <ContentHeader
              title="Flaky criteria"
              description="Passed and failed the same version in the same environment; one flip can be a soak ending, more is noise"
            />
            <Paper>
              <FlakyCriteriaTable items={answer.flaky.items} />
              {answer.flaky.totalCount > answer.flaky.items.length && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                  className={classes.legend}
                >
                  The {answer.flaky.items.length} with the most flips of{' '}
                  {answer.flaky.totalCount}.
                </Typography>
              )}
            </Paper>
          </>
        )}
      </AsyncContent>
    </>
  );
}
