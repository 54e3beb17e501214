export { mountDashboard, DASHBOARD_PATH, DASHBOARD_CSP } from './mount-dashboard';
