import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  line: {
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

/**
 * A name on one line, cut with an ellipsis past `maxWidth` and whole in its
 * tooltip: an entity or gate name never breaks mid-word ("payment s").
 */
export function TruncatedText(props: {
  text: string;
  /** A CSS width, e.g. `16em`. */
  maxWidth: string | number;
  /** What to show in place of the bare text, e.g. a link around it. */
  children?: ReactNode;
  className?: string;
}) {
  const classes = useStyles();
  return (
    <span
      className={[classes.line, props.className].filter(Boolean).join(' ')}
      style={{ maxWidth: props.maxWidth }}
      title={props.text}
    >
      {props.children ?? props.text}
    </span>
  );
}
