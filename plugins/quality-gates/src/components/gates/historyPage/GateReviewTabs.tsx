import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { makeStyles } from '@material-ui/core/styles';
import { GateEffectivenessView } from '../effectiveness/GateEffectivenessView';
import { DecisionHistory } from './DecisionHistory';
import { GateHistory } from './GateHistory';
import { useHistoryQuery } from './useHistoryQuery';

const useStyles = makeStyles(theme => ({
  tabs: {
    marginBottom: theme.spacing(2),
  },
}));

/**
 * The review page's views, kept in the URL (`view=evaluations`,
 * `view=effectiveness`) with the filters they share: every decision (one
 * per question asked), every gate evaluation, or how right the gates were.
 */
export function GateReviewTabs() {
  const classes = useStyles();
  const { query, update } = useHistoryQuery();
  const view = query.view ?? 'decisions';
  const body = () => {
    if (view === 'effectiveness') return <GateEffectivenessView />;
    if (view === 'evaluations') return <GateHistory />;
    return <DecisionHistory />;
  };
  return (
    <>
      <Tabs
        className={classes.tabs}
        value={view}
        indicatorColor="primary"
        onChange={(_event, next: string) =>
          update({
            view:
              next === 'effectiveness' || next === 'evaluations'
                ? next
                : undefined,
          })
        }
      >
        <Tab label="Decisions" value="decisions" />
        <Tab label="Gate evaluations" value="evaluations" />
        <Tab label="Effectiveness" value="effectiveness" />
      </Tabs>
      {body()}
    </>
  );
}
