import { Fragment } from 'react';
import { Link } from '@backstage/core-components';
import {
  EvidenceFact,
  EvidenceSentence,
  formatFact,
} from '@can-i-deploy/plugin-quality-gates-common';

/** Only web addresses become links; anything else stays text. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * One fact in words, as the common formatter says it: a link as a link, a
 * time relative to now with the absolute time on hover.
 */
export function FactText(props: { fact: EvidenceFact; now?: Date }) {
  const { fact } = props;
  if (fact.kind === 'link' && isWebUrl(fact.url)) {
    return (
      <Link to={fact.url} target="_blank" rel="noopener">
        {fact.text}
      </Link>
    );
  }
  if (fact.kind === 'time') {
    return (
      <time dateTime={fact.at} title={formatFact(fact)}>
        {formatFact(fact, { now: props.now ?? new Date() })}
      </time>
    );
  }
  return <>{formatFact(fact)}</>;
}

/** A summary sentence: its words, and its facts as {@link FactText}. */
export function EvidenceSentenceText(props: {
  sentence: EvidenceSentence;
  now?: Date;
}) {
  return (
    <>
      {props.sentence.map((part, index) => (
        <Fragment key={index}>
          {typeof part === 'string' ? (
            part
          ) : (
            <FactText fact={part} now={props.now} />
          )}
        </Fragment>
      ))}
    </>
  );
}
