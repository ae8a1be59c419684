import type { Harness } from './api-harness.js';

/**
 * POST /v1/api-keys with the admin key, as a care lead makes a key. `payload` goes as given,
 * so a test may send a wrong one and check the 400.
 */
export const createKey = (h: Harness, payload: object) =>
  h.call({ method: 'POST', url: '/v1/api-keys', key: h.keys.admin, payload });
