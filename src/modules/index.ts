import type { RoutesPlugin } from '../platform/http/app.ts';

/** Every module's routes, mounted under /api. */
export const moduleRoutes: RoutesPlugin[] = [];
