export { AccessRequestPage } from './AccessRequestPage.tsx';
export { MeldpuntsAdminPage } from './MeldpuntsAdminPage.tsx';
export { NumbersPage } from './NumbersPage.tsx';
export { ReportPage } from './ReportPage.tsx';
export { ServiceLevelsPage } from './ServiceLevelsPage.tsx';
export { SignalPage } from './SignalPage.tsx';
export { SignalsPage } from './SignalsPage.tsx';
export { StatusPage } from './StatusPage.tsx';
