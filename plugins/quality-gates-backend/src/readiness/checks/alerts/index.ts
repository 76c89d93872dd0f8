export {
  ALERT_RULES_ANNOTATION,
  createAlertRulesCheck,
} from './alertRulesCheck';
export type { AlertRulesCheckOptions } from './alertRulesCheck';
export {
  DEFAULT_ALERT_RULE_PATHS,
  DEFAULT_ALLOWED_SEVERITIES,
} from './alertsSettings';
export {
  ALERT_LABEL_SELECTOR_ANNOTATION,
  ALERT_NAMES_ANNOTATION,
} from './liveAlertSelection';
