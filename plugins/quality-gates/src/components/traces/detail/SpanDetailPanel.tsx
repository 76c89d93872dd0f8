import { Fragment, ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import {
  TraceSpan,
  ciTaskKind,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { DateTime } from 'luxon';
import { formatDuration } from '../axis/timeAxis';
import { CriticalPathSegment, criticalMicros } from '../criticalPath';
import { SpanNode, SpanTree } from '../spanTree';
import { pipelinesTabSearch } from '../../shared/links/pipelinesTabLink';
import {
  eventOffsetMicros,
  pipelineRunLabel,
  sortedAttributes,
} from './spanFacts';

const useStyles = makeStyles(theme => ({
  panel: {
    height: '100%',
    overflowY: 'auto',
    padding: theme.spacing(1, 2, 2),
    borderLeft: `1px solid ${theme.palette.divider}`,
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
  title: {
    flex: 1,
    wordBreak: 'break-word',
    paddingTop: theme.spacing(1),
  },
  section: {
    marginTop: theme.spacing(2),
  },
  label: {
    width: '38%',
    color: theme.palette.text.secondary,
    verticalAlign: 'top',
  },
  value: {
    wordBreak: 'break-word',
    verticalAlign: 'top',
  },
  code: {
    fontFamily: 'monospace',
    fontSize: '0.85em',
  },
  failed: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  inlineButton: {
    padding: 0,
    minWidth: 0,
    marginLeft: theme.spacing(1),
    verticalAlign: 'baseline',
  },
}));

type Fact = [label: string, value: ReactNode];

/**
 * An attribute key that may wrap after its dots (`cicd.pipeline.` /
 * `name`) rather than in the middle of a word.
 */
function wrappableAtDots(text: string): ReactNode {
  const parts = text.split('.');
  return parts.map((part, index) =>
    index < parts.length - 1 ? (
      <Fragment key={index}>
        {part}.<wbr />
      </Fragment>
    ) : (
      part
    ),
  );
}

function FactTable(props: { label: string; facts: Fact[] }) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label={props.label}>
      <TableBody>
        {props.facts.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell
              component="th"
              scope="row"
              // A cell given its element is a plain cell to Material UI.
              role="rowheader"
              className={classes.label}
            >
              {wrappableAtDots(label)}
            </TableCell>
            <TableCell className={classes.value}>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Section(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-label={props.title}>
      <Typography variant="subtitle2" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

function AttributeSection(props: {
  title: string;
  attributes: TraceSpan['attributes'];
}) {
  const classes = useStyles();
  const rows = sortedAttributes(props.attributes);
  if (rows.length === 0) return null;
  return (
    <Section title={props.title}>
      <FactTable
        label={props.title}
        facts={rows.map(([key, text]) => [
          key,
          <span className={classes.code}>{text}</span>,
        ])}
      />
    </Section>
  );
}

/** Only web addresses become links: span data comes from outside. */
/**
 * The run the span belongs to by its name and number. The waterfall shows on
 * the CI pipelines tab, so the link only changes that tab's query: it opens
 * the run with this trace.
 */
function PipelineRunLink(props: {
  runId: string;
  traceId: string;
  tree: SpanTree;
}) {
  const label = pipelineRunLabel(
    props.tree.nodes.map(node => node.span),
    props.runId,
  );
  return (
    <Link
      to={pipelinesTabSearch({ run: props.runId, trace: props.traceId })}
      title={`Run ${props.runId}`}
    >
      {label}
    </Link>
  );
}

function WebLink(props: { url: string }) {
  return /^https?:\/\//i.test(props.url) ? (
    <Link to={props.url} target="_blank" rel="noopener">
      {props.url}
    </Link>
  ) : (
    <>{props.url}</>
  );
}

function absoluteTime(iso: string): string {
  const time = DateTime.fromISO(iso);
  return time.isValid
    ? time.toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS)
    : iso;
}

function SpanStatus(props: { span: TraceSpan }) {
  const classes = useStyles();
  const { status } = props.span;
  return (
    <>
      <Chip
        size="small"
        label={status.code}
        className={status.code === 'error' ? classes.failed : undefined}
      />
      {status.message && <div>{status.message}</div>}
    </>
  );
}

function SpanJump(props: {
  spanId: string;
  tree: SpanTree;
  onSelectSpan: (spanId: string) => void;
}) {
  const classes = useStyles();
  const present = props.tree.byId.has(props.spanId);
  return (
    <>
      <span className={classes.code}>{props.spanId}</span>
      {present ? (
        <Button
          size="small"
          color="primary"
          className={classes.inlineButton}
          onClick={() => props.onSelectSpan(props.spanId)}
        >
          Show
        </Button>
      ) : (
        ' (not in this trace)'
      )}
    </>
  );
}

function summaryFacts(
  node: SpanNode,
  tree: SpanTree,
  criticalSegments: CriticalPathSegment[] | undefined,
  onSelectSpan: (spanId: string) => void,
  codeClass: string,
): Fact[] {
  const { span } = node;
  const onPath = criticalMicros(criticalSegments);
  const facts: Fact[] = [
    ['Service', span.serviceName ?? '—'],
    ['Kind', span.kind],
    ['Status', <SpanStatus span={span} />],
    [
      'Start',
      `+${formatDuration(
        span.startTimeUnixMicros - tree.startMicros,
      )} (${absoluteTime(span.startTime)})`,
    ],
    ['Duration', formatDuration(span.durationMicros)],
    [
      'Critical path',
      onPath > 0
        ? `${formatDuration(onPath)} of its time holds up the trace`
        : 'Not on the critical path',
    ],
    ['Span ID', <span className={codeClass}>{span.spanId}</span>],
    [
      'Parent span',
      span.parentSpanId ? (
        <SpanJump
          spanId={span.parentSpanId}
          tree={tree}
          onSelectSpan={onSelectSpan}
        />
      ) : (
        'None: a root span'
      ),
    ],
  ];
  if (span.entityRef) facts.push(['Entity', span.entityRef]);
  if (span.pipelineRunId) {
    facts.push([
      'Pipeline run',
      <PipelineRunLink
        runId={span.pipelineRunId}
        traceId={span.traceId}
        tree={tree}
      />,
    ]);
  }
  return facts;
}

function ciTaskFacts(task: NonNullable<TraceSpan['ciTask']>): Fact[] {
  const facts: Fact[] = [];
  if (task.taskName) facts.push(['Task', task.taskName]);
  const kind = ciTaskKind(task.taskName, task.taskType);
  if (kind) facts.push(['Type', kind]);
  if (task.taskRunId) facts.push(['Run ID', task.taskRunId]);
  if (task.taskResult) facts.push(['Result', task.taskResult]);
  if (task.taskRunUrl) facts.push(['Run', <WebLink url={task.taskRunUrl} />]);
  return facts;
}

/** Everything stored about one span, beside the waterfall. */
export function SpanDetailPanel(props: {
  node: SpanNode;
  tree: SpanTree;
  criticalSegments?: CriticalPathSegment[];
  onClose: () => void;
  onSelectSpan: (spanId: string) => void;
}) {
  const classes = useStyles();
  const { span } = props.node;
  const taskFacts = span.ciTask ? ciTaskFacts(span.ciTask) : [];

  return (
    <aside
      className={classes.panel}
      aria-label={`Span ${span.name}`}
      data-testid="trace-span-detail"
      data-span-id={span.spanId}
    >
      <div className={classes.header}>
        <Typography variant="h6" component="h2" className={classes.title}>
          {span.name}
        </Typography>
        <IconButton
          size="small"
          aria-label="Close span details"
          onClick={props.onClose}
        >
          <CloseIcon />
        </IconButton>
      </div>

      <FactTable
        label="Span"
        facts={summaryFacts(
          props.node,
          props.tree,
          props.criticalSegments,
          props.onSelectSpan,
          classes.code,
        )}
      />

      {taskFacts.length > 0 && (
        <Section title="CI task">
          <FactTable label="CI task" facts={taskFacts} />
        </Section>
      )}

      <AttributeSection title="Attributes" attributes={span.attributes} />

      {span.events.length > 0 && (
        <Section title="Events">
          <Table size="small" aria-label="Events">
            <TableHead>
              <TableRow>
                <TableCell>After start</TableCell>
                <TableCell>Event</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {span.events.map((event, index) => {
                const offset = eventOffsetMicros(event, span);
                return (
                  <TableRow key={`${event.timeUnixNano}-${index}`}>
                    <TableCell className={classes.label}>
                      {offset === undefined
                        ? '—'
                        : `+${formatDuration(offset)}`}
                    </TableCell>
                    <TableCell className={classes.value}>
                      <div>{event.name}</div>
                      {sortedAttributes(event.attributes).map(([key, text]) => (
                        <div key={key} className={classes.code}>
                          {key}={text}
                        </div>
                      ))}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Section>
      )}

      {span.links.length > 0 && (
        <Section title="Links">
          <FactTable
            label="Links"
            facts={span.links.map((link, index) => [
              `${index + 1}`,
              <>
                {link.traceId === span.traceId ? (
                  <SpanJump
                    spanId={link.spanId}
                    tree={props.tree}
                    onSelectSpan={props.onSelectSpan}
                  />
                ) : (
                  <span className={classes.code}>
                    trace {link.traceId}, span {link.spanId}
                  </span>
                )}
                {sortedAttributes(link.attributes).map(([key, text]) => (
                  <div key={key} className={classes.code}>
                    {key}={text}
                  </div>
                ))}
              </>,
            ])}
          />
        </Section>
      )}

      <AttributeSection
        title="Resource attributes"
        attributes={span.resourceAttributes}
      />
    </aside>
  );
}
