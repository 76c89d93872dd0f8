import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { answerStyle, ShownAnswer } from './answerStyle';

const useStyles = makeStyles(theme => ({
  large: {
    height: 48,
    borderRadius: 24,
    padding: theme.spacing(0, 1.5),
    fontSize: theme.typography.h5.fontSize,
    fontWeight: 700,
    '& svg': {
      fontSize: 30,
    },
  },
  small: {
    fontWeight: 600,
  },
}));

/**
 * The answer to "can I deploy?" as a filled chip with an icon and a word;
 * no answer yet is an outlined grey chip, so it never reads as a verdict.
 */
export function DecisionAnswerChip(props: {
  answer: ShownAnswer;
  size?: 'large' | 'small';
}) {
  const classes = useStyles();
  const style = answerStyle(props.answer);
  const large = props.size !== 'small';
  const none = props.answer === 'none';
  return (
    <Chip
      className={large ? classes.large : classes.small}
      size={large ? 'medium' : 'small'}
      label={style.label}
      variant={none ? 'outlined' : 'default'}
      icon={<style.Icon style={{ color: none ? style.color : '#fff' }} />}
      style={
        none
          ? { borderColor: style.color, color: style.color, borderWidth: 2 }
          : { backgroundColor: style.color, color: '#fff' }
      }
      data-answer={props.answer}
    />
  );
}
