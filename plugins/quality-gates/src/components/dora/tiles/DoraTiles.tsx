import { DoraMetricName } from '@can-i-deploy/plugin-quality-gates-common';
import { makeStyles } from '@material-ui/core/styles';
import { DoraTile } from '../metrics/doraTiles';
import { DoraTileCard } from './DoraTileCard';

const useStyles = makeStyles(theme => ({
  // Five tiles in one row on wide screens, wrapping on narrow ones.
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(176px, 1fr))',
    gap: theme.spacing(2),
  },
}));

export function DoraTiles(props: {
  tiles: DoraTile[];
  previousDays: number;
  onOpen: (metric: DoraMetricName) => void;
}) {
  const classes = useStyles();
  return (
    <div className={classes.tiles}>
      {props.tiles.map(tile => (
        <DoraTileCard
          key={tile.metric}
          tile={tile}
          previousDays={props.previousDays}
          onOpen={() => props.onOpen(tile.metric)}
        />
      ))}
    </div>
  );
}
