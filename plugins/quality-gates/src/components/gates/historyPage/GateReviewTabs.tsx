import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { makeStyles } from '@material-ui/core/styles';
import { GateEffectivenessView } from '../effectiveness/GateEffectivenessView';
import { GateHistory } from './GateHistory';
import { useHistoryQuery } from './useHistoryQuery';

const useStyles = makeStyles(theme => ({
  tabs: {
    marginBottom: theme.spacing(2),
  },
}));

/**
 * The review page's two views, kept in the URL (`view=effectiveness`) with
 * the filters they share: every evaluation, or how right the gates were.
 */
export function GateReviewTabs() {
  const classes = useStyles();
  const { query, update } = useHistoryQuery();
  const view = query.view ?? 'evaluations';
  return (
    <>
      <Tabs
        className={classes.tabs}
        value={view}
        indicatorColor="primary"
        onChange={(_event, next: string) =>
          update({
            view: next === 'effectiveness' ? 'effectiveness' : undefined,
          })
        }
      >
        <Tab label="Evaluations" value="evaluations" />
        <Tab label="Effectiveness" value="effectiveness" />
      </Tabs>
      {view === 'effectiveness' ? <GateEffectivenessView /> : <GateHistory />}
    </>
  );
}
