/**
 * Usual stages of a promotion path, earliest first. Environments are matched
 * by their leading word, so `production-eu` sorts with `production`.
 */
const STAGES: ReadonlyArray<ReadonlyArray<string>> = [
  ['local', 'dev', 'development', 'sandbox'],
  ['test', 'testing', 'ci', 'integration', 'qa'],
  ['staging', 'stage', 'stg', 'uat', 'preprod', 'pre-production', 'canary'],
  ['prod', 'production', 'live'],
];

/** Rank of an environment on the promotion path; unknown names come last. */
export function promotionRank(environment: string): number {
  const name = environment.toLowerCase();
  for (let stage = STAGES.length - 1; stage >= 0; stage--) {
    if (
      STAGES[stage].some(
        word =>
          name === word ||
          name.startsWith(`${word}-`) ||
          name.startsWith(`${word}_`),
      )
    ) {
      return stage;
    }
  }
  return STAGES.length;
}

/**
 * Sorts environments in promotion order (dev → test → staging → production),
 * then by name, so lanes and tables read left to right as code flows.
 *
 * @public
 */
export function sortByPromotionOrder<T>(
  items: readonly T[],
  environmentOf: (item: T) => string,
): T[] {
  return [...items].sort((a, b) => {
    const byRank =
      promotionRank(environmentOf(a)) - promotionRank(environmentOf(b));
    return byRank !== 0
      ? byRank
      : environmentOf(a).localeCompare(environmentOf(b));
  });
}
