/**
 * The wire shapes the app reads, as the API's zod schemas produce them (services/api,
 * packages/core). Types only, no DOM: src/wire-types.ts asserts, under the root tsconfig,
 * that the server's types still fit these, so a drift fails `pnpm typecheck`. The lists of
 * allowed values come from core's zod-free entry, so the bundle stays small.
 */
import {
  type HistoryKind,
  type QueryStatus,
  SCORED_LABELS,
  type Scope,
  STATUSES,
  WEBHOOK_EVENTS,
} from '@goodchatter/core/enums';

export type { HistoryKind, QueryStatus, Scope };
export { STATUSES, WEBHOOK_EVENTS };
/** The labels a person picks or filters by; `unscored` is shown, never chosen. */
export const LABELS = SCORED_LABELS;
export type Label = (typeof LABELS)[number] | 'unscored';
export type Status = (typeof STATUSES)[number];

export interface Author {
  id?: string | undefined;
  handle: string;
  name?: string | undefined;
  followers?: number | undefined;
  verified?: boolean | undefined;
}

export interface Mention {
  id: string;
  source: string;
  externalId: string;
  text: string;
  author: Author;
  postedAt: string;
  ingestedAt: string;
  url?: string | undefined;
  brand?: string | undefined;
  lang?: string | null | undefined;
  label: Label;
  confidence: number;
  reasons: string[];
  staff: string[];
  status: Status;
  /** Only in the feed. */
  worthiness?: number;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface HistoryEntry {
  id: number;
  kind: HistoryKind;
  keyId: string;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  fromLabel: string | null;
  toLabel: string | null;
  reason: string | null;
}

export interface Session {
  csrfToken: string;
  expiresAt: string;
  key: { id: string; name: string; scopes: Scope[] };
}

export interface KudosMention {
  id: string;
  text: string;
  authorHandle: string;
  url: string | null;
  brand: string | null;
  postedAt: string;
}

export interface KudosEntry {
  staff: string;
  brand: string | null;
  count: number;
  mentions: KudosMention[];
}

export interface Kudos {
  since: string;
  until: string;
  data: KudosEntry[];
}

/** A read-only wall link as listed (its token is shown only when made). */
export interface KudosShare {
  id: number;
  brand: string | null;
  days: number;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface KudosShareMade {
  id: number;
  token: string;
  /** `/wall/<token>` */
  url: string;
  expiresAt: string | null;
}

/** One name variant merged into a person at a brand. */
export interface StaffAlias {
  id: number;
  brand: string;
  person: string;
  /** As matched: lower case, no leading @. */
  alias: string;
}

export interface TrendDay {
  day: string;
  brand: string | null;
  total: number;
  praise: number;
  complaint: number;
  neutral: number;
  mixed: number;
  praiseRatio: number | null;
}

export interface TrendWeek {
  week: string;
  brand: string | null;
  thanked: number;
  rewarded: number;
  medianSecondsToThanked: number | null;
  p90SecondsToThanked: number | null;
}

export interface Trends {
  since: string;
  until: string;
  daily: TrendDay[];
  weekly: TrendWeek[];
}

export interface TrackedQuery {
  id: number;
  brand: string;
  source: string;
  query: string;
  enabled: boolean;
  pollIntervalSeconds: number;
  dailyBudget: number;
  status: QueryStatus;
  lastPolledAt: string | null;
  lastError: string | null;
  readsToday: number;
  pausedUntil: string | null;
}

export interface Webhook {
  id: number;
  url: string;
  description: string | null;
  events: string[];
  format: string;
  active: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  createdAt: string;
}

export interface Delivery {
  id: number;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  responseCode: number | null;
  latencyMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
}

/** The API's one error shape. */
export interface ErrorBody {
  error: { code: string; message: string; requestId?: string };
}
