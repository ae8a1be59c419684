/**
 * Compile-time only: the app's wire types (app/api/types.ts, written without Node or zod
 * so the browser bundle stays small) must still accept what the server's own types
 * describe. When a server shape changes incompatibly, `pnpm typecheck` fails here.
 */
import type { Label as CoreLabel, Mention as CoreMention, MentionStatus as CoreStatus } from '@goodchatter/core';
import type { StaffAlias as DbStaffAlias, WeekOutcomes } from '@goodchatter/db';
import type { Label, Mention, StaffAlias, Status, TrendWeek } from './app/api/types.js';

type Fits<Server, App> = [Server] extends [App] ? true : false;
type Assert<T extends true> = T;

export type WireTypesFit = [
  Assert<Fits<CoreMention, Mention>>,
  Assert<Fits<CoreLabel, Label>>,
  Assert<Fits<Label, CoreLabel>>,
  Assert<Fits<CoreStatus, Status>>,
  Assert<Fits<Status, CoreStatus>>,
  Assert<Fits<WeekOutcomes, TrendWeek>>,
  Assert<Fits<DbStaffAlias, StaffAlias>>,
];
