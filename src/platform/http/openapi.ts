import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { AppError } from './errors.js';

/**
 * A router whose validators also describe the OpenAPI document. Failed validation is a 422 with the
 * failing fields (path and message), never the submitted values.
 * @example export const appealsRoutes = router().openapi(createAppealRoute, handler)
 */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'VALIDATION_FAILED',
          result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
    },
  });
}

const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

/** A JSON request body that must be present. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** The error responses a route can give, all in the one error shape. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, jsonContent(ErrorSchema, `error (${s})`)]));
}

/** Routes that spend an anonymous token declare this security requirement (RFC 9577 scheme). */
export const privateToken = [{ PrivateToken: [] }];
