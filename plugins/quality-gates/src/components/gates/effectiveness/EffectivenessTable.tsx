import { Fragment, useState } from 'react';
import {
  CriterionEffectiveness,
  EffectivenessFigures,
  GateEffectiveness,
} from '@can-i-deploy/plugin-quality-gates-common';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { DataTable } from '../../shared/table/DataTable';
import { formatRatio } from './formatRatio';

const useStyles = makeStyles(theme => ({
  name: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  // Names stay readable; the figures scroll sideways on narrow pages.
  gateCell: {
    minWidth: 260,
  },
  criterion: {
    minWidth: 260,
    paddingLeft: theme.spacing(7),
  },
  scroll: {
    overflowX: 'auto',
  },
}));

const COLUMNS = [
  'Gate / criterion',
  'Versions',
  'True blocks',
  'False blocks',
  'Misses',
  'Correct passes',
  'Unknown',
  'Errors',
  'No data',
  'Sensitivity',
  'Specificity',
];

/** The cells every row shares, from versions to specificity. */
function FigureCells(props: {
  versions: number;
  figures: EffectivenessFigures;
  noData?: number;
}) {
  const { counts, sensitivity, specificity } = props.figures;
  return (
    <>
      <TableCell data-figure="versions">{props.versions}</TableCell>
      <TableCell data-figure="trueBlocks">{counts.trueBlocks}</TableCell>
      <TableCell data-figure="falseBlocks">{counts.falseBlocks}</TableCell>
      <TableCell data-figure="misses">{counts.misses}</TableCell>
      <TableCell data-figure="correctPasses">{counts.correctPasses}</TableCell>
      <TableCell data-figure="unknown">{counts.unknown}</TableCell>
      <TableCell data-figure="errors">{counts.errors}</TableCell>
      <TableCell data-figure="noData">{props.noData ?? '—'}</TableCell>
      <TableCell data-figure="sensitivity">
        {formatRatio(sensitivity)}
      </TableCell>
      <TableCell data-figure="specificity">
        {formatRatio(specificity)}
      </TableCell>
    </>
  );
}

function CriterionRow(props: {
  gateId: string;
  criterion: CriterionEffectiveness;
}) {
  const classes = useStyles();
  const { criterion } = props;
  return (
    <TableRow data-gate={props.gateId} data-criterion={criterion.key}>
      <TableCell className={classes.criterion}>
        {criterion.key}
        <Typography variant="caption" color="textSecondary" component="div">
          {criterion.source}
        </Typography>
      </TableCell>
      <FigureCells
        versions={criterion.versions}
        figures={criterion}
        noData={criterion.noData}
      />
    </TableRow>
  );
}

function GateRows(props: { gate: GateEffectiveness }) {
  const classes = useStyles();
  const { gate } = props;
  const [open, setOpen] = useState(false);
  const label = `${open ? 'Hide' : 'Show'} the criteria of ${gate.gateTitle}`;
  return (
    <>
      <TableRow data-gate={gate.gateId}>
        <TableCell className={classes.gateCell}>
          <div className={classes.name}>
            <IconButton
              size="small"
              aria-label={label}
              title={label}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            </IconButton>
            <div>
              {gate.gateTitle}
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {gate.gateId} · {gate.evaluations}{' '}
                {gate.evaluations === 1 ? 'evaluation' : 'evaluations'}
              </Typography>
            </div>
          </div>
        </TableCell>
        <FigureCells versions={gate.versions} figures={gate} />
      </TableRow>
      {open &&
        gate.criteria.map(criterion => (
          <CriterionRow
            key={criterion.key}
            gateId={gate.gateId}
            criterion={criterion}
          />
        ))}
    </>
  );
}

/** One row per gate; its criteria open below it. */
export function EffectivenessTable(props: { gates: GateEffectiveness[] }) {
  const classes = useStyles();
  return (
    <div className={classes.scroll}>
      <DataTable
        label="Gate effectiveness"
        columns={COLUMNS}
        items={props.gates}
        empty="No gate was evaluated in this period."
      >
        {gate => (
          <Fragment key={gate.gateId}>
            <GateRows gate={gate} />
          </Fragment>
        )}
      </DataTable>
    </div>
  );
}
