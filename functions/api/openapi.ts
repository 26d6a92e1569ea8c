/**
 * The OpenAPI 3.1 document, generated from the route registry's zod schemas (zod writes JSON
 * Schema 2020-12 itself). Kept out of the Lambda bundle: the build writes the document to
 * dist/functions/api/openapi.json, and the deployed API serves that file.
 * @module
 */
import * as z from 'zod/mini';
import { ErrorBody } from '../core/schemas/common';
import type { Registry } from './route-spec';

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

function parametersOf(schema: z.ZodMiniType | undefined, where: 'path' | 'query' | 'header') {
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
      parameters: [
        ...parametersOf(r.params, 'path'),
        ...parametersOf(r.query, 'query'),
        ...parametersOf(r.headers, 'header'),
      ],
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

export const openApi = (registry: Registry) =>
  openApiDocument(registry, { title: 'Hearth API', version: '1.0.0' });
