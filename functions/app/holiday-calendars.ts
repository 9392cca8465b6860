// The holiday calendars flows name (flows/calendar.ts holds each one's built-in days): the one in force is
// the console's stored version when an admin has changed it, else the built-in one. The IVR reads it on
// every call through a cache of a few seconds on the center's clock, so a change applies within seconds
// and a container answering a burst of calls reads the setting once.
import { calendars } from '../../flows/calendar.js';
import {
  type CalendarIssue,
  calendarIssues,
  calendarSetting,
  type HolidayCalendar,
  tidyCalendar,
} from '../domain/holiday-calendar.js';
import type { Flow } from '../domain/ivr/types.js';
import type { User } from '../domain/model.js';
import type { Clock, SettingsRepo } from '../domain/ports.js';
import { NotFoundError, ValidationError } from '../domain/problems.js';
import { cachedSetting, type SettingPorts, writeSetting } from './setting-history.js';

type ReadPorts = { readonly store: { readonly settings: SettingsRepo }; readonly clock: Clock };

export const calendarNames = (): string[] => Object.keys(calendars);

export function builtInCalendar(name: string): HolidayCalendar {
  const calendar = (calendars as Readonly<Record<string, HolidayCalendar>>)[name];
  if (!calendar) throw new NotFoundError('Calendar', name);
  return calendar;
}

export interface CalendarView extends HolidayCalendar {
  readonly name: string;
  /** `console`: an admin's version is in force; `built-in`: flows/calendar.ts's days are. */
  readonly source: 'console' | 'built-in';
}

/** The calendar in force, fresh from storage. */
export async function readCalendar(
  deps: { readonly store: { readonly settings: SettingsRepo } },
  name: string,
): Promise<CalendarView> {
  return viewOf(name, await deps.store.settings.get<HolidayCalendar | null>(calendarSetting(name)));
}

/** The calendar in force as the IVR sees it: read at most once per SETTING_CACHE_MS per container. */
export async function calendarInForce(deps: ReadPorts, name: string): Promise<HolidayCalendar> {
  return viewOf(name, await cachedSetting<HolidayCalendar | null>(deps, calendarSetting(name)));
}

function viewOf(name: string, stored: HolidayCalendar | null | undefined): CalendarView {
  const builtIn = builtInCalendar(name);
  return stored ? { name, source: 'console', ...stored } : { name, source: 'built-in', ...builtIn };
}

/** The flow's calendar in force; undefined for a flow that keeps no holidays. */
export function flowCalendar(deps: ReadPorts, flow: Flow): Promise<HolidayCalendar | undefined> {
  return flow.calendar ? calendarInForce(deps, flow.calendar) : Promise.resolve(undefined);
}

/** The calendar as it would be stored, or a ValidationError naming every bad day under `body.`. */
export function validCalendar(calendar: HolidayCalendar): HolidayCalendar {
  const issues = calendarIssues(calendar);
  if (issues.length > 0) throw new ValidationError(issues.map(asFieldIssue));
  return tidyCalendar(calendar);
}

export const asFieldIssue = (issue: CalendarIssue) => ({ ...issue, path: `body.${issue.path}` });

/** Replaces the whole calendar (validated, audited, a new version in its history). */
export async function replaceCalendar(
  deps: SettingPorts,
  user: User,
  name: string,
  body: HolidayCalendar,
): Promise<CalendarView> {
  builtInCalendar(name);
  const after = validCalendar(body);
  await writeSetting(deps, user, calendarSetting(name), CALENDAR_ACTION, after);
  return { name, source: 'console', ...after };
}

export const CALENDAR_ACTION = 'calendar.replace';
