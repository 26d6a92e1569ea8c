/**
 * Routes declared once: the zod schemas validate the request, type the handler's input, and
 * describe the route in the OpenAPI document. Plain zod throughout (DESIGN.md, decision 7).
 * @module
 */
import type { Context, Env, Hono } from 'hono';
import * as z from 'zod/mini';
import { type FieldError, invalid } from '../core/errors';
import { ErrorBody } from '../core/schemas/common';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Maybe = z.ZodMiniType | undefined;
type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RouteSpec<P extends Maybe, Q extends Maybe, B extends Maybe> {
  method: Method;
  /** OpenAPI form, `/groups/{groupId}`, relative to `/api`. */
  path: string;
  summary: string;
  tag: string;
  auth: 'none' | 'optional' | 'required';
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, { description: string; schema?: z.ZodMiniType }>;
}

export type Input<P extends Maybe, Q extends Maybe, B extends Maybe> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
};

export type Registry = RouteSpec<Maybe, Maybe, Maybe>[];

function fieldErrors(where: string, error: z.core.$ZodError): FieldError[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function check<S extends Maybe>(schema: S | undefined, value: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (!result.success) throw invalid('Some fields need another look', fieldErrors(where, result.error));
  return result.data as Out<S>;
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw invalid('Send a JSON body with Content-Type: application/json', [
      { path: 'body', message: 'Expected JSON' },
    ]);
  }
  try {
    return await c.req.json();
  } catch {
    throw invalid('The body is not valid JSON', [{ path: 'body', message: 'Not valid JSON' }]);
  }
}

export function defineRoute<E extends Env, P extends Maybe, Q extends Maybe, B extends Maybe>(
  app: Hono<E>,
  registry: Registry,
  spec: RouteSpec<P, Q, B>,
  handler: (c: Context<E>, input: Input<P, Q, B>) => Response | Promise<Response>,
): void {
  registry.push(spec as RouteSpec<Maybe, Maybe, Maybe>);
  const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(spec.method.toUpperCase(), honoPath, async (c) => {
    const params = check(spec.params, c.req.param(), 'params');
    const query = check(spec.query, Object.fromEntries(new URL(c.req.url).searchParams), 'query');
    const body = spec.body ? check(spec.body, await readJson(c), 'body') : (undefined as Out<B>);
    return handler(c as Context<E>, { params, query, body });
  });
}

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

function parametersOf(schema: z.ZodMiniType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/** OpenAPI 3.1 (its schemas are JSON Schema 2020-12, which zod 4 writes itself). */
export function openApiDocument(registry: Registry, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of registry) {
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      responses[status] = {
        description: res.description,
        ...(res.schema
          ? { content: { 'application/json': { schema: jsonSchema(res.schema, 'output') } } }
          : {}),
      };
    }
    responses.default = {
      description: 'An error, in the one error shape',
      content: { 'application/json': { schema: jsonSchema(ErrorBody, 'output') } },
    };
    paths[`/api${r.path}`] ??= {};
    paths[`/api${r.path}`]![r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth === 'required' ? { security: [{ session: [] }] } : {}),
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hearth_session' } },
    },
  };
}
