import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { authenticate, checkCsrf } from '../auth/authenticate.ts';
import { isSecureDeployment } from '../config.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { fromProjectRoot } from '../paths.ts';
import { sendProblem } from './problem.ts';
import { contentSecurityPolicy, securityHeaders } from './security-headers.ts';
import { responseSerializerCompiler } from './serializer.ts';

export const webRoot = `${fromProjectRoot('dist', 'web')}/`;
export const BODY_LIMIT_BYTES = 256 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A module's routes: registered under /api with the app context. */
export type RoutesPlugin = FastifyPluginAsync<{ ctx: AppContext }>;

export interface BuildAppOptions {
  ctx: AppContext;
  modules: RoutesPlugin[];
  version: string;
}

export async function buildApp({ ctx, modules, version }: BuildAppOptions) {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.setErrorHandler(sendProblem);

  // JSON only for bodies, strictly UTF-8: invalid bytes are refused, not replaced.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      return done(new AppError('http.invalid_utf8', 400), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('http.malformed_json', 400), undefined);
    }
  });

  await app.register(cookie);
  const headers = securityHeaders(isSecureDeployment(ctx.config), ctx.config.mapTileUrl);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Verbonden API',
        version,
        description: 'The API of Verbonden. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vb_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The docs page gets the same strict policy as every other page, not the plugin's looser default.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: () => contentSecurityPolicy(ctx.config.mapTileUrl),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', authenticate(ctx));
  app.addHook('preHandler', checkCsrf);
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await sql`select 1`.execute(ctx.db).catch(() => {
      throw new AppError('http.unavailable', 503);
    });
    return { status: 'ok', database: ctx.database.kind, version };
  });

  await app.register(
    async (api) => {
      for (const plugin of modules) await api.register(plugin, { ctx });
    },
    { prefix: '/api' },
  );

  const hasWeb = existsSync(`${webRoot}index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.setNotFoundHandler(async (request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError('http.not_found', 404);
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
