import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutesPlugin } from '../../platform/http/app.ts';

const mapConfig = z.object({ tileUrl: z.string().nullable() });

/**
 * What the finder's map needs from the server configuration. Public, because the finder is: the
 * tile address is no secret, and without one the browser loads no tiles at all.
 */
export const directoryMapConfigRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/directory/map-config',
    {
      schema: {
        tags: ['directory'],
        summary: 'Tile server of the finder map (null: no tiles)',
        response: { 200: mapConfig },
      },
    },
    async () => ({ tileUrl: ctx.config.mapTileUrl ?? null }),
  );
};
