import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { hasAnyRole, isPlatformAdmin } from '../../session.tsx';

const pages = () => import('./pages.ts');
const FinderPage = lazy(async () => ({ default: (await pages()).FinderPage }));
const EntryPage = lazy(async () => ({ default: (await pages()).EntryPage }));
const MapsPage = lazy(async () => ({ default: (await pages()).MapsPage }));
const MapPage = lazy(async () => ({ default: (await pages()).MapPage }));
const PracticesPage = lazy(async () => ({ default: (await pages()).PracticesPage }));
const PracticePage = lazy(async () => ({ default: (await pages()).PracticePage }));
const MatrixPage = lazy(async () => ({ default: (await pages()).MatrixPage }));
const EditorListPage = lazy(async () => ({ default: (await pages()).EditorListPage }));
const NewEntryPage = lazy(async () => ({ default: (await pages()).NewEntryPage }));
const EditEntryPage = lazy(async () => ({ default: (await pages()).EditEntryPage }));
const ImportPage = lazy(async () => ({ default: (await import('./ImportPage.tsx')).ImportPage }));

/** Whoever may edit entries: members of an organisation (not volunteers), and the platform operator. */
const editors: AppRoute['access'] = (session) =>
  isPlatformAdmin(session) || hasAnyRole(session, ['admin', 'coordinator', 'worker']);

/** The public finder, sociale kaart and good practices (no login), and the editors' pages. */
export const directoryRoutes: AppRoute[] = [
  { path: '/vinden', page: FinderPage, access: 'public', mainNav: { label: 'nav.finder' } },
  { path: '/vinden/:id', page: EntryPage, access: 'public' },
  { path: '/sociale-kaart', page: MapsPage, access: 'public' },
  { path: '/sociale-kaart/:nis', page: MapPage, access: 'public' },
  { path: '/goede-praktijken', page: PracticesPage, access: 'public' },
  { path: '/goede-praktijken/overzicht', page: MatrixPage, access: 'public' },
  { path: '/goede-praktijken/:id', page: PracticePage, access: 'public' },
  { path: '/initiatieven', page: EditorListPage, access: editors, mainNav: { label: 'nav.directory' } },
  { path: '/initiatieven/nieuw', page: NewEntryPage, access: editors },
  { path: '/initiatieven/importeren', page: ImportPage, access: editors },
  { path: '/initiatieven/:id', page: EditEntryPage, access: editors },
];
