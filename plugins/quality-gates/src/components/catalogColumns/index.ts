export {
  createQualityGatesCatalogColumns,
  type QualityGatesCatalogRow,
  type QualityGatesCatalogColumnsOptions,
} from './createQualityGatesCatalogColumns';
