export { ClientPage } from './ClientPage.tsx';
export { ClientsPage } from './ClientsPage.tsx';
export { EditClientPage } from './EditClientPage.tsx';
export { IncomingReferralsPage } from './IncomingReferralsPage.tsx';
export { NewClientPage } from './NewClientPage.tsx';
