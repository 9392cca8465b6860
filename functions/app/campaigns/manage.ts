// Campaigns as supervisors set them up and steer them: create (settings checked, each problem named), change
// the settings while nothing dials (version-checked), start, pause, resume and stop, list and read. Every
// change is audited with what it was before.

import { randomUUID } from 'node:crypto';
import { scripts } from '../../../flows/scripts/index.js';
import type { Campaign, CampaignSettings, CampaignStatus } from '../../domain/campaigns/campaign.js';
import type { CampaignWriteResult } from '../../domain/campaigns/ports.js';
import { DIAL_POLICY_SETTING, type DialPolicy } from '../../domain/dial-policy.js';
import { DEFAULT_DIAL_POLICY } from '../../domain/dial-policy-data.js';
import type { User } from '../../domain/model.js';
import { ConflictError, HttpProblem, NotFoundError, ValidationError } from '../../domain/problems.js';
import { ownNumbers } from '../dial-guard.js';
import { readSurveys } from '../surveys.js';
import type { CampaignDeps } from './deps.js';
import { CAMPAIGN_QUEUES, settingsIssues } from './settings-issues.js';

export type CampaignAction = 'start' | 'pause' | 'resume' | 'stop';

/** Where each action may start from, and where it leads. */
const TRANSITIONS: Readonly<Record<CampaignAction, { from: readonly CampaignStatus[]; to: CampaignStatus }>> =
  {
    start: { from: ['draft', 'paused'], to: 'running' },
    pause: { from: ['running'], to: 'paused' },
    resume: { from: ['paused'], to: 'running' },
    stop: { from: ['draft', 'running', 'paused', 'stopped'], to: 'stopped' },
  };

/** Settings change only while nothing dials: a running campaign's calls were placed under the old ones. */
const EDITABLE: readonly CampaignStatus[] = ['draft', 'paused'];

/** The choices a campaign's settings pick from, for the console's selects. */
export interface CampaignChoices {
  readonly callerIds: readonly string[];
  readonly queues: readonly string[];
  /** The questionnaires agents can ask (the surveys' own), by id. */
  readonly questionnaires: readonly {
    readonly id: string;
    readonly name: { readonly zh: string; readonly en: string };
  }[];
  /** The guided scripts agents can be shown, by name. */
  readonly scripts: readonly {
    readonly name: string;
    readonly titles: { readonly zh: string; readonly en: string };
  }[];
}

export async function campaignChoices(deps: CampaignDeps): Promise<CampaignChoices> {
  return {
    callerIds: ownNumbers(
      deps.config,
      (await deps.store.settings.get<DialPolicy>(DIAL_POLICY_SETTING)) ?? DEFAULT_DIAL_POLICY,
    ),
    queues: CAMPAIGN_QUEUES,
    scripts: Object.values(scripts).map((s) => ({ name: s.name, titles: s.titles })),
    questionnaires: (await readSurveys(deps)).questionnaires.map((q) => ({ id: q.id, name: q.name })),
  };
}

async function checked(deps: CampaignDeps, settings: CampaignSettings): Promise<CampaignSettings> {
  const { callerIds, questionnaires } = await campaignChoices(deps);
  const issues = settingsIssues(settings, { callerIds });
  if (
    settings.questionnaireId !== undefined &&
    !questionnaires.some((q) => q.id === settings.questionnaireId)
  )
    issues.push({
      path: 'body.questionnaireId',
      code: 'unknown-questionnaire',
      message: `no such questionnaire; one of ${questionnaires.map((q) => q.id).join(', ')}`,
    });
  if (settings.scriptId !== undefined && !scripts[settings.scriptId])
    issues.push({
      path: 'body.scriptId',
      code: 'unknown-script',
      message: `no such script; one of ${Object.keys(scripts).join(', ')}`,
    });
  if (issues.length) throw new ValidationError(issues);
  return { ...settings, name: settings.name.trim() };
}

export async function createCampaign(
  deps: CampaignDeps,
  user: User,
  settings: CampaignSettings,
): Promise<Campaign> {
  const valid = await checked(deps, settings);
  const campaign = await deps.store.campaigns.create(randomUUID(), valid, user.id);
  await deps.store.audit.append({
    actor: user.id,
    action: 'campaign.create',
    target: campaign.id,
    detail: { after: valid },
  });
  return campaign;
}

export async function listCampaigns(deps: CampaignDeps): Promise<Campaign[]> {
  return deps.store.campaigns.list();
}

export async function getCampaign(deps: Pick<CampaignDeps, 'store'>, id: string): Promise<Campaign> {
  const campaign = await deps.store.campaigns.get(id);
  if (!campaign) throw new NotFoundError('Campaign', id);
  return campaign;
}

function written(id: string, result: CampaignWriteResult): Campaign {
  if (result.ok) return result.value;
  if (result.reason === 'not-found') throw new NotFoundError('Campaign', id);
  const { current } = result;
  throw new ConflictError(
    `The campaign was changed at ${current.updatedAt} (version ${current.version}): reload it and apply your change again.`,
    { current },
  );
}

/** Replaces settings (the body's fields over the stored ones) of a draft or paused campaign. */
export async function updateCampaign(
  deps: CampaignDeps,
  user: User,
  id: string,
  version: number,
  change: Partial<CampaignSettings>,
): Promise<Campaign> {
  const before = await getCampaign(deps, id);
  if (before.version !== version) written(id, { ok: false, reason: 'conflict', current: before });
  if (!EDITABLE.includes(before.status))
    throw new HttpProblem(
      409,
      'campaign-not-editable',
      `The campaign is ${before.status}; settings change only while it is draft or paused: pause it first.`,
      { status: before.status, allowed: EDITABLE, current: before },
    );
  const settings = await checked(deps, { ...settingsOf(before), ...change });
  const after = written(id, await deps.store.campaigns.update(id, version, { settings }));
  await deps.store.audit.append({
    actor: user.id,
    action: 'campaign.update',
    target: id,
    detail: { before: settingsOf(before), after: settings },
  });
  return after;
}

/** Moves the campaign on: 409 naming the status it is in and the ones the action starts from. */
export async function changeCampaignStatus(
  deps: CampaignDeps,
  user: User,
  id: string,
  action: CampaignAction,
): Promise<Campaign> {
  const before = await getCampaign(deps, id);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(before.status))
    throw new HttpProblem(
      409,
      'invalid-transition',
      `A ${before.status} campaign cannot ${action}; ${action} works on ${rule.from.filter((s) => s !== rule.to).join(' or ')} campaigns.`,
      { status: before.status, action, allowed: rule.from, current: before },
    );
  if (before.status === rule.to) return before;
  if (rule.to === 'running' && before.counts.pending <= 0)
    throw new HttpProblem(
      409,
      'no-pending-contacts',
      'The campaign has no contacts left to call: import a contact list before starting it.',
      { status: before.status, action, counts: before.counts },
    );
  const after = written(id, await deps.store.campaigns.update(id, before.version, { status: rule.to }));
  await deps.store.audit.append({
    actor: user.id,
    action: `campaign.${action}`,
    target: id,
    detail: { before: before.status, after: after.status },
  });
  return after;
}

/** The settings part of a campaign record. */
export function settingsOf(c: Campaign): CampaignSettings {
  const {
    id: _id,
    status: _status,
    counts: _counts,
    dispositionCounts: _dispositionCounts,
    dialRatio: _dialRatio,
    createdBy: _createdBy,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    version: _version,
    ...settings
  } = c;
  return settings;
}
