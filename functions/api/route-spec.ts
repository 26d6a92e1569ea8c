/**
 * What a route declares: its method, path, schemas, answers and the reads it makes with the
 * session. Types only: the app's context and the route builder (route.ts) both use them.
 * @module
 */
import type * as z from 'zod/mini';
import type { Prefetch } from '../store/batch';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type Maybe = z.ZodMiniType | undefined;

export type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RouteSpec<P extends Maybe, Q extends Maybe, B extends Maybe> {
  method: Method;
  /** OpenAPI form, `/groups/{groupId}`, relative to `/api`. */
  path: string;
  summary: string;
  tag: string;
  auth: 'none' | 'optional' | 'required';
  /**
   * Items the handler will read for the signed-in user, read with the session in the same round
   * trip (found ones land in `c.var.prefetched`).
   */
  prefetch?: (params: Out<P>, userId: string) => Prefetch;
  params?: P;
  query?: Q;
  body?: B;
  /** Request headers the route reads, lower-case names (for secrets that must stay out of URLs). */
  headers?: z.ZodMiniObject;
  responses: Record<number, { description: string; schema?: z.ZodMiniType }>;
}

export type Input<P extends Maybe, Q extends Maybe, B extends Maybe> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
};

export type Registry = RouteSpec<Maybe, Maybe, Maybe>[];
