import { findUnstorable, UNSTORABLE_TEXT } from '@goodchatter/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';

/**
 * No NUL byte or unpaired surrogate gets past the edge, in any route's querystring,
 * params or body: Postgres cannot store them (text refuses NUL, jsonb refuses both), so a
 * value carrying one would fail deep inside a query as a 500. One hook instead of a
 * refinement on every string schema; the 400 names the field like schema errors do.
 */
export const inputGuard = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (req) => {
      const parts = { params: req.params, querystring: req.query, body: req.body } as const;
      for (const [where, value] of Object.entries(parts)) {
        const path = findUnstorable(value);
        if (path !== undefined) throw new HttpError(400, `${where}${path ? `.${path}` : ''}: ${UNSTORABLE_TEXT}`);
      }
    });
  },
  { name: 'input-guard' },
);
