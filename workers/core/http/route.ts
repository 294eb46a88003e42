import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z, type ZodType } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../errors';
import type { AppEnv } from './app-env';
import { type Access, describeAccess, guard } from './middleware/access';
import { validationFailure } from './validate';

/** The coded error body every 4xx/5xx carries (see on-error.ts). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'ALBUM_NOT_FOUND' }),
      message: z.string(),
      requestId: z.string().meta({ example: 'req_8f2k3m4n5p' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

const error = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

/** A JSON response of `schema`. */
export const json = <S extends ZodType>(schema: S, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * A JSON request body (required: a missing or non-JSON body is a 400, never an empty object),
 * with the example the reference shows and the route matrix test sends.
 */
export const jsonBody = <S extends ZodType>(schema: S, example?: z.input<S>) => ({
  content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
  required: true,
});

export const noContent = { description: 'Done, nothing to return' };

type Declaration = Omit<RouteConfig, 'middleware'> & {
  access: Access;
  /** The coded errors the handler itself may answer, documented under their statuses. */
  errors?: ErrorCode[];
  middleware?: MiddlewareHandler<AppEnv>[];
};

/** The errors a route can answer because of how it is declared, added to its documented responses. */
function declaredErrors(config: Declaration) {
  const errors: Record<number, ReturnType<typeof error>> = {};
  if (config.request?.body || config.request?.query || config.request?.params) errors[400] = error('VALIDATION_ERROR: the request does not match its schema');
  if (config.access.kind !== 'public') {
    errors[401] = error('UNAUTHENTICATED / INVALID_TOKEN / INVALID_API_KEY: no or bad credentials');
    errors[429] = error('RATE_LIMITED: over the per-caller budget (see Retry-After)');
  }
  if (config.access.kind === 'scope' || config.access.kind === 'user') errors[403] = error('INSUFFICIENT_SCOPE / FORBIDDEN / TWO_FACTOR_REQUIRED');
  if (config.access.kind === 'self') errors[403] = error('FORBIDDEN: API keys cannot do it');
  if (config.request?.params) errors[404] = error('Not found, or not in your workspace');
  // A route's own codes join what its declaration already implies at the same status.
  for (const code of config.errors ?? []) {
    const status = ERROR_STATUS[code];
    const before = errors[status]?.description;
    if (!before?.includes(code)) errors[status] = error(before ? `${before}; ${code}` : code);
  }
  return errors;
}

/** Path parameters `{name}` a declaration did not type itself: plain strings. */
function pathParams(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string().min(1).max(100)]))) : undefined;
}

/**
 * Declares a route: its request and response schemas, and its access. The access becomes the
 * middleware that enforces it (auth, rate limit, scope or role) and the route's security and
 * `x-access` in the OpenAPI document, so what is documented is what is enforced.
 */
export function defineRoute<const R extends Declaration>(config: R) {
  const { access, errors: _codes, middleware = [], ...route } = config;
  const params = route.request?.params ?? pathParams(route.path);
  const request = params ? { ...route.request, params } : route.request;
  return createRoute({
    ...route,
    request,
    middleware: [...guard(access), ...middleware],
    security: access.kind === 'public' ? [] : [{ bearerAuth: [] }],
    'x-access': describeAccess(access),
    responses: { ...declaredErrors({ ...config, request }), ...route.responses },
  } as Omit<R, 'access' | 'errors' | 'middleware'> & { middleware: MiddlewareHandler<AppEnv>[] });
}

/** A module's router: declared routes only, validation failures as the one coded 400. */
export const router = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailure(result.target, result.error);
    },
  });

