import { useState } from 'react';
import { Link } from '@backstage/core-components';
import { ReadinessItem } from '@can-i-deploy/plugin-quality-gates-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { ReadinessStateChip } from '../states/ReadinessStateChip';

const useStyles = makeStyles(theme => ({
  item: {
    display: 'block',
    borderLeft: `3px solid ${theme.palette.divider}`,
    marginBottom: theme.spacing(1),
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  missing: {
    margin: theme.spacing(0.5, 0, 0, 0),
  },
}));

/** Items with a problem open by default unless there are very many. */
const OPEN_BY_DEFAULT_UP_TO = 20;

function ItemSource(props: { item: ReadinessItem }) {
  const { source, url } = props.item;
  if (!source && !url) return null;
  return (
    <Typography variant="caption" color="textSecondary">
      {url ? <Link to={url}>{source ?? url}</Link> : source}
    </Typography>
  );
}

/**
 * Every item a check looked at (each alert rule, each dashboard) and what
 * each one lacks, behind a toggle so long lists do not bury the page.
 */
export function ReadinessItemList(props: {
  items: ReadinessItem[];
  /** The noun for an item, e.g. "item". */
  noun?: string;
}) {
  const classes = useStyles();
  const { items } = props;
  const withProblems = items.filter(item => item.state !== 'passed').length;
  const [open, setOpen] = useState(
    withProblems > 0 && items.length <= OPEN_BY_DEFAULT_UP_TO,
  );
  if (items.length === 0) return null;

  const noun = props.noun ?? 'item';
  const summary = `${items.length} ${noun}${items.length === 1 ? '' : 's'}${
    withProblems > 0 ? `, ${withProblems} with problems` : ''
  }`;

  return (
    <Box>
      <Button
        size="small"
        onClick={() => setOpen(!open)}
        startIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        aria-expanded={open}
      >
        {open ? 'Hide' : 'Show'} {summary}
      </Button>
      <Collapse in={open} unmountOnExit>
        <List dense aria-label={`Checked ${noun}s`}>
          {items.map(item => (
            <ListItem
              key={`${item.source ?? ''}-${item.name}`}
              className={classes.item}
            >
              <div className={classes.heading}>
                <ReadinessStateChip state={item.state} />
                <Typography variant="body2" component="span">
                  {item.name}
                </Typography>
                <ItemSource item={item} />
              </div>
              {item.missing.length > 0 && (
                <ul className={classes.missing}>
                  {item.missing.map(line => (
                    <li key={line}>
                      <Typography variant="body2" component="span">
                        {line}
                      </Typography>
                    </li>
                  ))}
                </ul>
              )}
            </ListItem>
          ))}
        </List>
      </Collapse>
    </Box>
  );
}
