export { EditorListPage } from './EditorListPage.tsx';
export { EditEntryPage, NewEntryPage } from './EntryEditPage.tsx';
export { EntryPage } from './EntryPage.tsx';
export { FinderPage } from './FinderPage.tsx';
export { MapPage, MapsPage } from './MapPage.tsx';
export { MatrixPage, PracticePage, PracticesPage } from './PracticesPage.tsx';
