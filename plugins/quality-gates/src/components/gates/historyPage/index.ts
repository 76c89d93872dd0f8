export { GateHistoryPage } from './GateHistoryPage';
