export { NumbersPage } from './NumbersPage.tsx';
export { ReportPage } from './ReportPage.tsx';
export { SignalPage } from './SignalPage.tsx';
export { SignalsPage } from './SignalsPage.tsx';
export { StatusPage } from './StatusPage.tsx';
