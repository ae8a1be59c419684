/**
 * Compile-time only: the app's wire types (app/api/types.ts, written without Node or zod
 * so the browser bundle stays small) must still accept what the server's own types
 * describe. When a server shape changes incompatibly, `pnpm typecheck` fails here.
 */
import type {
  STATUSES as CORE_STATUSES,
  WEBHOOK_EVENTS as CORE_WEBHOOK_EVENTS,
  HistoryKind as CoreHistoryKind,
  Label as CoreLabel,
  Mention as CoreMention,
  QueryStatus as CoreQueryStatus,
  Scope as CoreScope,
  MentionStatus as CoreStatus,
  SCORED_LABELS,
} from '@goodchatter/core';
import type { StaffAlias as DbStaffAlias, WeekOutcomes } from '@goodchatter/db';
import type {
  HistoryKind,
  LABELS,
  Label,
  Mention,
  QueryStatus,
  Scope,
  STATUSES,
  StaffAlias,
  Status,
  TrendWeek,
  WEBHOOK_EVENTS,
} from './app/api/types.js';

type Fits<Server, App> = [Server] extends [App] ? true : false;
/** The app's copy of one of core's lists: the same values in the same order. */
type Same<Server, App> = [Server] extends [App] ? ([App] extends [Server] ? true : false) : false;
type Assert<T extends true> = T;

export type WireTypesFit = [
  Assert<Fits<CoreMention, Mention>>,
  Assert<Fits<CoreLabel, Label>>,
  Assert<Fits<Label, CoreLabel>>,
  Assert<Fits<CoreStatus, Status>>,
  Assert<Fits<Status, CoreStatus>>,
  Assert<Fits<WeekOutcomes, TrendWeek>>,
  Assert<Fits<DbStaffAlias, StaffAlias>>,
  Assert<Same<typeof SCORED_LABELS, typeof LABELS>>,
  Assert<Same<typeof CORE_STATUSES, typeof STATUSES>>,
  Assert<Same<typeof CORE_WEBHOOK_EVENTS, typeof WEBHOOK_EVENTS>>,
  Assert<Same<CoreScope, Scope>>,
  Assert<Same<CoreQueryStatus, QueryStatus>>,
  Assert<Same<CoreHistoryKind, HistoryKind>>,
];
