import { GateCandidatesResponse } from '../../../api/QualityGatesApi';

/**
 * The version one would promote next: following the promotion order, the
 * candidate of the first environment that does not run it yet (what the
 * previous environment runs, or for the first one the latest build). When
 * every environment runs its candidate, the newest known version.
 */
export function nextCandidate(
  candidates: GateCandidatesResponse,
): string | undefined {
  const waiting = candidates.environments.find(
    environment =>
      environment.candidateVersion &&
      environment.candidateVersion !== environment.runningVersion,
  );
  return waiting?.candidateVersion ?? candidates.versions[0]?.version;
}

/**
 * The environments to answer for, in promotion order: the candidates' and
 * any other one a decision names (e.g. one no gate applies to any more).
 */
export function environmentsToShow(
  candidates: GateCandidatesResponse,
  decided: readonly string[],
): string[] {
  const known = candidates.environments.map(e => e.environment);
  return [...known, ...decided.filter(name => !known.includes(name))];
}
