import { EvidenceSentence } from './EvidenceFact';

/**
 * The evaluation a criterion compared with because it was pinned as the
 * baseline of its gate for the entity and environment.
 *
 * @public
 */
export interface PinnedBaselineFacts {
  evaluationId: string;
  /** The version that evaluation judged. */
  version: string;
  /** When that evaluation finished. */
  evaluatedAt: string;
  /** Entity ref of who pinned it, e.g. `user:default/jane`. */
  pinnedBy: string;
  pinnedAt: string;
  /** The app page of that evaluation's decision, when the app is known. */
  decisionUrl?: string;
}

/**
 * An actor as a sentence names them: `jane` for `user:default/jane`; other
 * kinds and namespaces stay, as they tell something.
 *
 * @public
 */
export function actorName(ref: string): string {
  return ref.replace(/^user:(default\/)?/i, '');
}

/**
 * Which evaluation a pinned baseline is, in words and facts, e.g. "the
 * baseline is version 1.4.0, evaluated 2 d ago, pinned by jane 1 h ago (its
 * decision)". The UI, CLI and API messages all say it through the one
 * formatter.
 *
 * @public
 */
export function pinnedBaselineSentence(
  pinned: PinnedBaselineFacts,
): EvidenceSentence {
  return [
    'the baseline is version ',
    { kind: 'version', version: pinned.version },
    ', evaluated ',
    { kind: 'time', at: pinned.evaluatedAt },
    ', pinned by ',
    { kind: 'text', text: actorName(pinned.pinnedBy) },
    ' ',
    { kind: 'time', at: pinned.pinnedAt },
    ...(pinned.decisionUrl
      ? [
          ' (',
          {
            kind: 'link' as const,
            url: pinned.decisionUrl,
            text: 'its decision',
          },
          ')',
        ]
      : []),
  ];
}

/**
 * Why a criterion compared with a pinned baseline has none: nothing is
 * pinned for this entity there, or the pinned evaluation has no value.
 *
 * @public
 */
export function missingPinnedBaselineSentence(options: {
  entityRef: string;
  environment: string;
  pinned?: PinnedBaselineFacts;
}): EvidenceSentence {
  if (!options.pinned) {
    return [
      `no baseline is pinned for ${options.entityRef} in ${options.environment} yet`,
    ];
  }
  return [
    'the pinned evaluation (version ',
    { kind: 'version', version: options.pinned.version },
    ') observed no value for this criterion',
  ];
}
