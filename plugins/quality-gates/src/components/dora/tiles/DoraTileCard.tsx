import { useId } from 'react';
import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DoraBandChip } from '../bands/DoraBandChip';
import { ChangeIndicator } from '../change/ChangeIndicator';
import { DoraTile } from '../metrics/doraTiles';

const useStyles = makeStyles(theme => ({
  card: { height: '100%' },
  action: { height: '100%', alignItems: 'flex-start' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
    height: '100%',
  },
  // The band next to the value, so the title has the whole width.
  figure: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  basis: { marginTop: 'auto' },
}));

/**
 * One DORA figure: its value and band, the change since the previous
 * window, and what it rests on. The whole tile opens the rows behind it.
 */
export function DoraTileCard(props: {
  tile: DoraTile;
  previousDays: number;
  onOpen: () => void;
}) {
  const classes = useStyles();
  const titleId = useId();
  const { tile } = props;
  return (
    <Card
      className={classes.card}
      component="section"
      aria-labelledby={titleId}
      data-metric={tile.metric}
    >
      <CardActionArea
        className={classes.action}
        onClick={props.onOpen}
        aria-haspopup="dialog"
      >
        <CardContent className={classes.content}>
          <Typography id={titleId} variant="subtitle2" component="h3">
            {tile.title}
          </Typography>
          <div className={classes.figure}>
            <Typography variant="h5" component="p">
              {tile.value}
            </Typography>
            <DoraBandChip band={tile.band} />
          </div>
          {tile.detail && (
            <Typography variant="body2">{tile.detail}</Typography>
          )}
          <ChangeIndicator
            change={tile.change}
            previousDays={props.previousDays}
          />
          <div className={classes.basis}>
            {tile.basis.map(line => (
              <Typography
                key={line}
                variant="caption"
                color="textSecondary"
                component="p"
              >
                {line}
              </Typography>
            ))}
          </div>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
