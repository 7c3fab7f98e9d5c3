export { NetworkPage } from './NetworkPage.tsx';
