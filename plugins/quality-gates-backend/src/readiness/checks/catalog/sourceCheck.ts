import { annotationCheck } from './annotationCheck';

/** The source code can be found from the catalog. */
export const sourceCheck = annotationCheck({
  id: 'source',
  title: 'Source code linked',
  description:
    'Reviewers, responders and other checks (alerts and dashboards as code) need to find the code: the repository or source location.',
  howToFix:
    "Add `github.com/project-slug: <owner>/<repo>` or `backstage.io/source-location: url:<repository URL>` to the entity's annotations. Entities registered from a repository get the source location automatically.",
  level: 'bronze',
  annotations: ['github.com/project-slug', 'backstage.io/source-location'],
  describe: (name, value) =>
    name === 'github.com/project-slug'
      ? `Repository ${value}.`
      : `Source at ${value.replace(/^url:/, '')}.`,
});
