// The wrap-up setting (functions/domain/wrap-up-settings.ts): read as a call ends (how long its agent wraps
// up) and by the desk (the codes it offers), replaced by admins on the console (validated, audited, kept in
// the setting's history).
import { flows } from '../../flows/index.js';
import { routing } from '../../flows/routing.js';
import { DISPOSITION_CODE, DISPOSITION_CODE_RULE, type Disposition } from '../domain/disposition.js';
import type { User } from '../domain/model.js';
import type { Clock, SettingsRepo } from '../domain/ports.js';
import { type HandlerIssue, ValidationError } from '../domain/problems.js';
import {
  DESK_DISPOSITIONS,
  DISPOSITION_LABEL_LENGTH,
  type HotlineWrapUp,
  type ListedDisposition,
  listedDispositions,
  MAX_DISPOSITIONS,
  WRAP_UP_SECONDS,
  WRAP_UP_SETTING,
  type WrapUpSetting,
  wrapUpSecondsOf,
} from '../domain/wrap-up-settings.js';
import { unknownHotline } from './hotlines.js';
import { cachedSetting, READ_AT_CALL_END, type SettingPorts, writeSetting } from './setting-history.js';

type Settings = { readonly store: { readonly settings: SettingsRepo }; readonly clock: Clock };

export const WRAP_UP_ACTION = 'wrap-up.replace';
const NO_SETTING: WrapUpSetting = { hotlines: {} };

const flowCodes = (flow: string): readonly Disposition[] => flows[flow]?.dispositions ?? [];

export interface HotlineWrapUpView {
  readonly seconds: number;
  readonly dispositions: readonly ListedDisposition[];
  /** The flow's own codes: they can be hidden and relabelled, never removed. */
  readonly flowCodes: readonly string[];
}

export interface WrapUpView {
  readonly hotlines: Readonly<Record<string, HotlineWrapUpView>>;
  readonly builtIn: { readonly seconds: number };
  readonly deskCodes: readonly string[];
  readonly source: 'console' | 'built-in';
}

/** The setting as admins left it, a few seconds old at most (read with the other settings a call's end reads). */
export async function wrapUpSetting(deps: Settings): Promise<WrapUpSetting> {
  return (await cachedSetting<WrapUpSetting | null>(deps, WRAP_UP_SETTING, READ_AT_CALL_END)) ?? NO_SETTING;
}

/** Seconds of wrap-up after a call of this hotline (by flow name); the routing's when the flow is unknown. */
export async function wrapUpSecondsFor(deps: Settings, flow: string | undefined): Promise<number> {
  const rule = flow ? (await wrapUpSetting(deps)).hotlines[flow] : undefined;
  return wrapUpSecondsOf(rule, routing.wrapUpSeconds);
}

/** Every hotline's wrap-up as it applies now, for the console. */
export async function readWrapUp(deps: Pick<Settings, 'store'>): Promise<WrapUpView> {
  const setting = await deps.store.settings.get<WrapUpSetting | null>(WRAP_UP_SETTING);
  const hotlines = Object.fromEntries(
    Object.keys(flows).map((flow): [string, HotlineWrapUpView] => {
      const rule = setting?.hotlines[flow];
      return [
        flow,
        {
          seconds: wrapUpSecondsOf(rule, routing.wrapUpSeconds),
          dispositions: listedDispositions(flowCodes(flow), rule),
          flowCodes: flowCodes(flow).map((d) => d.code),
        },
      ];
    }),
  );
  return {
    hotlines,
    builtIn: { seconds: routing.wrapUpSeconds },
    deskCodes: DESK_DISPOSITIONS,
    source: setting ? 'console' : 'built-in',
  };
}

export async function replaceWrapUp(
  deps: SettingPorts,
  user: User,
  body: WrapUpSetting,
): Promise<WrapUpView> {
  await writeSetting(deps, user, WRAP_UP_SETTING, WRAP_UP_ACTION, validWrapUp(body));
  return readWrapUp(deps);
}

/**
 * The setting as stored, or a ValidationError naming each problem: hotlines are flows; seconds in range;
 * codes well formed and unique, each labelled in Chinese and English; every code of the flow still listed
 * (hidden at most, so calls that recorded it keep its label); the desk's own codes never hidden; and at
 * least one code offered.
 */
export function validWrapUp(body: WrapUpSetting): WrapUpSetting {
  const issues: HandlerIssue[] = [];
  const hotlines: Record<string, HotlineWrapUp> = {};
  for (const [flow, rule] of Object.entries(body.hotlines)) {
    const at = `body.hotlines.${flow}`;
    const unknown = unknownHotline(at, flow);
    if (unknown) {
      issues.push(unknown);
      continue;
    }
    if (
      rule.seconds !== undefined &&
      !(
        Number.isInteger(rule.seconds) &&
        rule.seconds >= WRAP_UP_SECONDS.min &&
        rule.seconds <= WRAP_UP_SECONDS.max
      )
    )
      issues.push({
        path: `${at}.seconds`,
        code: 'wrap-up-range',
        message: `must be a whole number of seconds from ${WRAP_UP_SECONDS.min} to ${WRAP_UP_SECONDS.max}`,
      });
    if (rule.dispositions) issues.push(...dispositionIssues(`${at}.dispositions`, flow, rule.dispositions));
    hotlines[flow] = {
      ...(rule.seconds !== undefined ? { seconds: rule.seconds } : {}),
      ...(rule.dispositions
        ? {
            dispositions: rule.dispositions.map((d) => ({
              code: d.code,
              label: { zh: d.label.zh?.trim() ?? '', en: d.label.en?.trim() ?? '' },
              ...(d.hidden ? { hidden: true } : {}),
            })),
          }
        : {}),
    };
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { hotlines };
}

function dispositionIssues(at: string, flow: string, list: readonly ListedDisposition[]): HandlerIssue[] {
  const issues: HandlerIssue[] = [];
  if (list.length > MAX_DISPOSITIONS)
    issues.push({ path: at, code: 'too-many-codes', message: `lists over ${MAX_DISPOSITIONS} codes` });
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (!DISPOSITION_CODE.test(d.code))
      issues.push({
        path: `${at}.${i}.code`,
        code: 'disposition-code',
        message: `must be ${DISPOSITION_CODE_RULE}`,
      });
    else if (seen.has(d.code))
      issues.push({ path: `${at}.${i}.code`, code: 'duplicate', message: `"${d.code}" is listed twice` });
    seen.add(d.code);
    for (const lang of ['zh', 'en'] as const) {
      const label = d.label[lang]?.trim() ?? '';
      if (label.length < DISPOSITION_LABEL_LENGTH.min || label.length > DISPOSITION_LABEL_LENGTH.max)
        issues.push({
          path: `${at}.${i}.label.${lang}`,
          code: 'label-length',
          message: `needs ${DISPOSITION_LABEL_LENGTH.min} to ${DISPOSITION_LABEL_LENGTH.max} characters`,
        });
    }
    if (d.hidden && DESK_DISPOSITIONS.includes(d.code))
      issues.push({
        path: `${at}.${i}.hidden`,
        code: 'desk-code',
        message: `"${d.code}" is recorded by the desk itself (a transfer) and cannot be hidden`,
      });
  });
  const missing = flowCodes(flow).filter((d) => !seen.has(d.code));
  if (missing.length > 0)
    issues.push({
      path: at,
      code: 'flow-code-missing',
      message: `must keep the flow's codes (hide them instead): ${missing.map((d) => d.code).join(', ')}`,
    });
  if (list.length > 0 && list.every((d) => d.hidden))
    issues.push({ path: at, code: 'none-offered', message: 'must offer at least one code' });
  return issues;
}
