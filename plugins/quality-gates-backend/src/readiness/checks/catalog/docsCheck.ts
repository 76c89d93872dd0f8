import { annotationCheck } from './annotationCheck';

/** TechDocs are published for the entity. */
export const docsCheck = annotationCheck({
  id: 'docs',
  title: 'Documentation published',
  description:
    "Whoever is paged at night needs the architecture, dependencies and operational notes where they look first: the entity's TechDocs.",
  howToFix:
    'Add a `mkdocs.yml` and `docs/index.md` next to `catalog-info.yaml` and the annotation `backstage.io/techdocs-ref: dir:.`.',
  level: 'gold',
  annotations: ['backstage.io/techdocs-ref'],
  describe: (_name, value) => `TechDocs published (${value}).`,
});
