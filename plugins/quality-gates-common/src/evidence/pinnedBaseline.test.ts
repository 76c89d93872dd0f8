import { formatSentence } from './formatEvidence';
import {
  actorName,
  missingPinnedBaselineSentence,
  pinnedBaselineSentence,
} from './pinnedBaseline';

const pinned = {
  evaluationId: 'e-1',
  version: '1.4.0',
  evaluatedAt: '2026-12-05T09:00:00.000Z',
  pinnedBy: 'user:default/jane',
  pinnedAt: '2026-12-06T10:30:00.000Z',
};

describe('pinnedBaselineSentence', () => {
  it('names the version, when it was evaluated and who pinned it when', () => {
    const sentence = pinnedBaselineSentence(pinned);
    expect(formatSentence(sentence)).toBe(
      'the baseline is version 1.4.0, evaluated 2026-12-05 09:00 UTC, pinned by jane 2026-12-06 10:30 UTC',
    );
    expect(
      formatSentence(sentence, { now: new Date('2026-12-06T12:30:00Z') }),
    ).toBe(
      'the baseline is version 1.4.0, evaluated 1 d ago, pinned by jane 2 h ago',
    );
  });

  it('links to the decision of the pinned evaluation when there is one', () => {
    const url = 'https://backstage.example.com/gate-history/decisions/d-1';
    const sentence = pinnedBaselineSentence({ ...pinned, decisionUrl: url });
    expect(sentence).toContainEqual({
      kind: 'link',
      url,
      text: 'its decision',
    });
    expect(formatSentence(sentence)).toMatch(/ \(its decision\)$/);
  });
});

describe('missingPinnedBaselineSentence', () => {
  it('says nothing is pinned for the entity there', () => {
    expect(
      formatSentence(
        missingPinnedBaselineSentence({
          entityRef: 'component:default/payments',
          environment: 'canary',
        }),
      ),
    ).toBe(
      'no baseline is pinned for component:default/payments in canary yet',
    );
  });

  it('says the pinned evaluation has no value for the criterion', () => {
    expect(
      formatSentence(
        missingPinnedBaselineSentence({
          entityRef: 'component:default/payments',
          environment: 'canary',
          pinned,
        }),
      ),
    ).toBe(
      'the pinned evaluation (version 1.4.0) observed no value for this criterion',
    );
  });
});

describe('actorName', () => {
  it('shortens users of the default namespace only', () => {
    expect(actorName('user:default/jane')).toBe('jane');
    expect(actorName('user:ops/jane')).toBe('ops/jane');
    expect(actorName('ci-pipelines')).toBe('ci-pipelines');
  });
});
