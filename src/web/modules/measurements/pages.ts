export { MeasurementsPage } from './MeasurementsPage.tsx';
export { SelfFillLinkPage } from './SelfFillLinkPage.tsx';
export { SelfFillPage } from './SelfFillPage.tsx';
export { TakeMeasurementPage } from './TakeMeasurementPage.tsx';
