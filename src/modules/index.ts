import type { RoutesPlugin } from '../platform/http/app.ts';
import { accountsAdminRoutes } from './accounts/accounts.admin.routes.ts';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { clientsRoutes } from './clients/clients.routes.ts';
import { directoryImportRoutes } from './directory/directory.import.routes.ts';
import { directoryMapConfigRoutes } from './directory/directory.map-config.routes.ts';
import { directoryRoutes } from './directory/directory.routes.ts';
import { gazetteerRoutes } from './gazetteer/gazetteer.routes.ts';
import { insightsRoutes } from './insights/insights.routes.ts';
import { measurementsRoutes } from './measurements/measurements.routes.ts';
import { questionnairesRoutes } from './measurements/questionnaires.routes.ts';
import { networksRoutes } from './networks/networks.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { signalsRoutes } from './signals/signals.routes.ts';
import { tenancyRoutes } from './tenancy/tenancy.routes.ts';

/** Every module's routes, mounted under /api. */
export const moduleRoutes: RoutesPlugin[] = [
  accountsRoutes,
  accountsAdminRoutes,
  tenancyRoutes,
  auditRoutes,
  notificationsRoutes,
  gazetteerRoutes,
  signalsRoutes,
  directoryRoutes,
  directoryImportRoutes,
  directoryMapConfigRoutes,
  measurementsRoutes,
  questionnairesRoutes,
  clientsRoutes,
  networksRoutes,
  insightsRoutes,
];
