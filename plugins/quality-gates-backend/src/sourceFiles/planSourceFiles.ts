import { Entity } from '@backstage/catalog-model';
import { entitySourceLocation, resolveSourcePath } from './sourceLocation';

/** One file a check means to read. */
export interface SourceFileTarget {
  /** As written in the annotation or the convention list. */
  path: string;
  url: string;
  /** Named by the entity in an annotation: then it must exist. */
  declared: boolean;
}

/** Which files a check reads for an entity, and why it reads no others. */
export interface SourceFilePlan {
  targets: SourceFileTarget[];
  /** Annotated paths that point nowhere, each as a line saying why. */
  unresolved: string[];
  /** The source location the paths resolve in, when the entity has one. */
  sourceLocation?: string;
  /** Why there is nothing to read at all; set when `targets` and `unresolved` are empty. */
  nothingToRead?: string;
}

/**
 * The files named by `annotation` (comma-separated, relative to the source
 * location or absolute URLs); without it, `conventionPaths` in the source
 * location. Conventions are listed rather than globbed: the fetch reader
 * refuses glob patterns and the git hosts' readers answer a glob by listing
 * the whole repository, too costly for every entity on every run.
 */
export function planSourceFiles(
  entity: Entity,
  options: { annotation: string; conventionPaths: string[] },
): SourceFilePlan {
  const location = entitySourceLocation(entity);
  if ('reason' in location) {
    return planWithoutSourceLocation(
      entity,
      options.annotation,
      location.reason,
    );
  }
  const sourceLocation = location.url;
  const annotated = annotatedPaths(entity, options.annotation);
  const paths = annotated.length > 0 ? annotated : options.conventionPaths;
  return {
    targets: paths.map(path => ({
      path,
      url: resolveSourcePath(path, sourceLocation)!,
      declared: annotated.length > 0,
    })),
    unresolved: [],
    sourceLocation,
  };
}

/** Only absolute URLs in the annotation can be read. */
function planWithoutSourceLocation(
  entity: Entity,
  annotation: string,
  reason: string,
): SourceFilePlan {
  const annotated = annotatedPaths(entity, annotation);
  if (annotated.length === 0) {
    return {
      targets: [],
      unresolved: [],
      nothingToRead: `${reason} and no ${annotation} annotation`,
    };
  }
  const targets: SourceFileTarget[] = [];
  const unresolved: string[] = [];
  for (const path of annotated) {
    const url = resolveSourcePath(path, undefined);
    if (url) {
      targets.push({ path, url, declared: true });
    } else {
      unresolved.push(
        `${path} (named in ${annotation}) is a relative path, but ${reason}`,
      );
    }
  }
  return { targets, unresolved };
}

function annotatedPaths(entity: Entity, annotation: string): string[] {
  return (entity.metadata.annotations?.[annotation] ?? '')
    .split(',')
    .map(path => path.trim())
    .filter(Boolean);
}

/** Where the plan looks, for messages: `a.yaml, b.yaml in <source location>`. */
export function describePlannedFiles(plan: SourceFilePlan): string | undefined {
  if (plan.targets.length === 0) return undefined;
  const paths = plan.targets.map(target => target.path).join(', ');
  return plan.sourceLocation ? `${paths} in ${plan.sourceLocation}` : paths;
}
