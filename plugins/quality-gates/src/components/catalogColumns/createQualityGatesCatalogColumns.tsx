import { TableColumn } from '@backstage/core-components';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LastDecisionCell, ReadinessLevelCell } from './CatalogColumnCells';

/**
 * The part of a catalog table row the columns read: `CatalogTableRow` of
 * the catalog plugin is one, without this package depending on it.
 *
 * @public
 */
export interface QualityGatesCatalogRow {
  entity: Entity;
}

/** @public */
export interface QualityGatesCatalogColumnsOptions {
  /** Whose decisions the last-decision column shows; default `production`. */
  environment?: string;
}

/**
 * Columns for the catalog's index table: the readiness level (a badge
 * linking to the entity's readiness tab) and the newest gate decision in
 * production (yes, no or not yet, linking to that decision). The rows of a
 * page are loaded with one request, not one per row. Give the table's row
 * type, e.g. `createQualityGatesCatalogColumns<CatalogTableRow>()`.
 *
 * @public
 */
export function createQualityGatesCatalogColumns<
  TRow extends QualityGatesCatalogRow = QualityGatesCatalogRow,
>(options: QualityGatesCatalogColumnsOptions = {}): TableColumn<TRow>[] {
  const { environment } = options;
  const environmentTitle = environment ?? 'production';
  return [
    {
      title: 'Readiness',
      field: 'quality-gates.readiness',
      sorting: false,
      render: row => (
        <ReadinessLevelCell
          entityRef={stringifyEntityRef(row.entity)}
          environment={environment}
        />
      ),
    },
    {
      title: `Last decision (${environmentTitle})`,
      field: 'quality-gates.last-decision',
      sorting: false,
      render: row => (
        <LastDecisionCell
          entityRef={stringifyEntityRef(row.entity)}
          environment={environment}
        />
      ),
    },
  ];
}
