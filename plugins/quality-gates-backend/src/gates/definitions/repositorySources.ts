import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { TightenedGate } from './tightenGates';

/** Where the platform team lets component files use more sources. */
export const REPOSITORY_ALLOWED_SOURCES_KEY =
  'qualityGates.gates.repositoryConfig.allowedSources';

/**
 * Whether a component's gate file may add criteria of this source: the
 * source says it is safe for repository config, or the platform team
 * allowed it.
 */
function usableInRepository(
  source: CriterionSource,
  allowedSources: readonly string[],
): boolean {
  return (
    source.safeForRepositoryConfig === true ||
    allowedSources.includes(source.id)
  );
}

/**
 * One problem per criterion a component's file added with a source it may
 * not use there — one that can reach hosts or run queries the platform
 * team did not configure, or none installed. Central criteria (also those
 * the file tightened) are the platform team's and are not checked.
 */
export function repositorySourceProblems(
  gates: TightenedGate[],
  sources: ReadonlyMap<string, CriterionSource>,
  allowedSources: readonly string[],
): string[] {
  const usable = [...sources.values()]
    .filter(source => usableInRepository(source, allowedSources))
    .map(source => source.id)
    .sort();
  const problems: string[] = [];
  for (const gate of gates) {
    for (const criterion of gate.criteria) {
      if (criterion.origin !== 'component') continue;
      const source = sources.get(criterion.source);
      if (source && usableInRepository(source, allowedSources)) continue;
      const where = `gate '${gate.id}' criterion '${criterion.key}': source`;
      problems.push(
        source
          ? `${where} '${
              criterion.source
            }' cannot be used in a component's gate file, as it could reach hosts or run queries the platform team did not configure (usable there: ${
              usable.join(', ') || 'none'
            }; the platform team may add it to ${REPOSITORY_ALLOWED_SOURCES_KEY})`
          : `${where} '${criterion.source}' is not installed`,
      );
    }
  }
  return problems;
}
