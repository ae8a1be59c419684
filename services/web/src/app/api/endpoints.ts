import { request } from './client';
import type {
  ApiKey,
  Delivery,
  HistoryEntry,
  Kudos,
  KudosShare,
  KudosShareMade,
  Label,
  Mention,
  Page,
  Scope,
  Session,
  StaffAlias,
  Status,
  TrackedQuery,
  Trends,
  Webhook,
} from './types';

/** Every API call the app makes, one line each, named for what it does. */

// Session
export const getSession = () => request<Session>('/v1/session', { quiet401: true });
export const signIn = (key: string) =>
  request<Session>('/v1/session', { method: 'POST', body: { key }, quiet401: true });
export const signOut = () => request<void>('/v1/session', { method: 'DELETE', quiet401: true });

// Mentions
export interface MentionFilters {
  brand?: string;
  source?: string;
  label?: string;
  status?: string;
  staff?: string;
  q?: string;
  sort?: string;
}
export const listFeed = (f: { brand?: string; source?: string }, cursor?: string, signal?: AbortSignal) =>
  request<Page<Mention>>('/v1/feed', { query: { brand: f.brand, source: f.source, cursor, limit: 50 }, signal });
export const listMentions = (f: MentionFilters, cursor?: string, signal?: AbortSignal) =>
  request<Page<Mention>>('/v1/mentions', { query: { ...f, cursor, limit: 50 }, signal });
export const setStatus = (id: string, status: Status, note?: string) =>
  request<Mention>(`/v1/mentions/${id}`, { method: 'PATCH', body: { status, ...(note ? { note } : {}) } });
export const setLabel = (id: string, label: Exclude<Label, 'unscored'>, reason?: string) =>
  request<Mention>(`/v1/mentions/${id}`, { method: 'PATCH', body: { label, ...(reason ? { reason } : {}) } });
export const mentionHistory = (id: string) => request<{ data: HistoryEntry[] }>(`/v1/mentions/${id}/history`);

// Kudos
export const getKudos = (q: { brand?: string; since?: string; until?: string }) =>
  request<Kudos>('/v1/kudos', { query: { ...q, perStaff: 50 } });
export const getSharedKudos = (token: string) =>
  request<Kudos>(`/v1/shared/kudos/${encodeURIComponent(token)}`, { quiet401: true });
export const listShares = () => request<{ data: KudosShare[] }>('/v1/kudos/shares');
export const createShare = (body: { brand?: string; days?: number }) =>
  request<KudosShareMade>('/v1/kudos/shares', { method: 'POST', body });
export const revokeShare = (id: number) => request<void>(`/v1/kudos/shares/${id}`, { method: 'DELETE' });
export const listAliases = () => request<{ data: StaffAlias[] }>('/v1/staff-aliases');
export const createAlias = (body: { brand: string; person: string; aliases: string[] }) =>
  request<{ data: StaffAlias[] }>('/v1/staff-aliases', { method: 'POST', body });
export const deleteAlias = (id: number) => request<void>(`/v1/staff-aliases/${id}`, { method: 'DELETE' });

// Trends
export const getTrends = (q: { brand?: string; days?: number }) => request<Trends>('/v1/trends', { query: q });

// Setup
export const listQueries = () => request<{ data: TrackedQuery[] }>('/v1/queries');
export const pollQuery = (id: number) =>
  request<{ jobId: string | null }>(`/v1/queries/${id}/poll`, { method: 'POST' });
export const patchQuery = (id: number, body: { enabled?: boolean; dailyBudget?: number }) =>
  request<TrackedQuery>(`/v1/queries/${id}`, { method: 'PATCH', body });
export const listWebhooks = () => request<{ data: Webhook[] }>('/v1/webhooks');
export const createWebhook = (body: { url: string; events: string[]; description?: string }) =>
  request<Webhook & { secret: string }>('/v1/webhooks', { method: 'POST', body });
export const patchWebhook = (id: number, body: { active: boolean }) =>
  request<Webhook>(`/v1/webhooks/${id}`, { method: 'PATCH', body });
export const testWebhook = (id: number) => request<Delivery>(`/v1/webhooks/${id}/test`, { method: 'POST' });
export const listDeliveries = (id: number, cursor?: string) =>
  request<Page<Delivery>>(`/v1/webhooks/${id}/deliveries`, { query: { limit: 20, cursor } });
export const redeliver = (id: number, deliveryId: number) =>
  request<Delivery>(`/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`, { method: 'POST' });
export const listKeys = () => request<{ data: ApiKey[] }>('/v1/api-keys');
export const createKey = (body: { name: string; scopes: Scope[] }) =>
  request<ApiKey & { key: string }>('/v1/api-keys', { method: 'POST', body });
export const revokeKey = (id: string) => request<void>(`/v1/api-keys/${id}`, { method: 'DELETE' });
