import { KeyboardEvent } from 'react';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    padding: theme.spacing(1, 0),
  },
  search: {
    // Room for the whole hint and the match count beside it.
    minWidth: 380,
    flex: '1 1 380px',
    maxWidth: 520,
  },
  duration: {
    width: 150,
  },
  // The two belong together: they wrap as one.
  folding: {
    display: 'flex',
    whiteSpace: 'nowrap',
  },
  count: {
    whiteSpace: 'nowrap',
    fontSize: '0.8rem',
    color: theme.palette.text.secondary,
    marginRight: theme.spacing(0.5),
  },
}));

export interface WaterfallToolbarProps {
  searchText: string;
  onSearchText: (text: string) => void;
  /** Undefined while no filter is on. */
  matchCount?: number;
  /** The match the selection is on, from 0; -1 when it is on none. */
  matchPosition: number;
  onStepMatch: (step: 1 | -1) => void;
  minDurationText: string;
  onMinDurationText: (text: string) => void;
  minDurationInvalid: boolean;
  onlyMatches: boolean;
  onOnlyMatches: (only: boolean) => void;
  showCriticalPath: boolean;
  onShowCriticalPath: (show: boolean) => void;
  onCollapseAll: () => void;
  onExpandAll: () => void;
}

function matchCountText(count: number, position: number): string {
  if (count === 0) return 'No match';
  if (position < 0) return `${count} ${count === 1 ? 'match' : 'matches'}`;
  return `${position + 1} of ${count}`;
}

/** Finding, filtering and folding the spans. */
export function WaterfallToolbar(props: WaterfallToolbarProps) {
  const classes = useStyles();
  const hasMatches = (props.matchCount ?? 0) > 0;

  const stepOnEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (hasMatches) props.onStepMatch(event.shiftKey ? -1 : 1);
  };

  return (
    <div className={classes.toolbar} role="search" aria-label="Find spans">
      <TextField
        className={classes.search}
        variant="outlined"
        size="small"
        placeholder="Find: name, service, span id, key=value"
        value={props.searchText}
        onChange={event => props.onSearchText(event.target.value)}
        onKeyDown={stepOnEnter}
        inputProps={{
          'aria-label': 'Find spans',
          'data-testid': 'trace-search',
        }}
        InputProps={{
          endAdornment: (
            <InputAdornment position="end">
              {props.matchCount !== undefined && (
                <span
                  className={classes.count}
                  role="status"
                  aria-label="Matches"
                  data-testid="trace-match-count"
                >
                  {matchCountText(props.matchCount, props.matchPosition)}
                </span>
              )}
              <IconButton
                size="small"
                aria-label="Previous match"
                disabled={!hasMatches}
                onClick={() => props.onStepMatch(-1)}
              >
                <KeyboardArrowUpIcon fontSize="small" />
              </IconButton>
              <IconButton
                size="small"
                aria-label="Next match"
                disabled={!hasMatches}
                onClick={() => props.onStepMatch(1)}
              >
                <KeyboardArrowDownIcon fontSize="small" />
              </IconButton>
            </InputAdornment>
          ),
        }}
      />
      <TextField
        className={classes.duration}
        variant="outlined"
        size="small"
        label="Min duration"
        placeholder="e.g. 500ms"
        value={props.minDurationText}
        onChange={event => props.onMinDurationText(event.target.value)}
        error={props.minDurationInvalid}
        helperText={
          props.minDurationInvalid ? 'e.g. 250ms, 1.5s, 2m' : undefined
        }
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'data-testid': 'trace-min-duration' }}
      />
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={props.onlyMatches}
            onChange={event => props.onOnlyMatches(event.target.checked)}
            disabled={props.matchCount === undefined}
          />
        }
        label="Only matches"
      />
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={props.showCriticalPath}
            onChange={event => props.onShowCriticalPath(event.target.checked)}
          />
        }
        label="Critical path"
      />
      <div className={classes.folding}>
        <Button size="small" onClick={props.onCollapseAll}>
          Collapse all
        </Button>
        <Button size="small" onClick={props.onExpandAll}>
          Expand all
        </Button>
      </div>
    </div>
  );
}
