// Which wrap-up codes a call offers: those of the hotline it came in on (or went out from), as the
// console's wrap-up setting lists them (the flow's own list until an admin changes it). A call on a number
// that is no hotline (a caller id the dialling policy adds, say) offers the first hotline's list, as a
// callback from such a number runs the first hotline's flow.
import { flows } from '../../../flows/index.js';
import type { HotlineNumber } from '../../../flows/numbers.js';
import { type Disposition, hotlineNumberOf } from '../../domain/disposition.js';
import type { CallRecord } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import { invalidField, NotFoundError } from '../../domain/problems.js';
import {
  type ListedDisposition,
  listedDispositions,
  offeredDispositions,
  WRAP_UP_SETTING,
  type WrapUpSetting,
} from '../../domain/wrap-up-settings.js';
import { campaignDispositions } from '../campaigns/campaign-calls.js';
import { lineOf } from '../hotlines.js';

export interface CallDispositions {
  /** The hotline's number and name, as the agent knows it. */
  readonly hotline: string;
  readonly hotlineName: string;
  readonly flow: string;
  readonly dispositions: readonly Disposition[];
}

type CallLine = Pick<CallRecord, 'direction' | 'from' | 'to'>;

const NO_SETTING: WrapUpSetting = { hotlines: {} };

/** The stored wrap-up setting, read afresh: a change shows on the desk's next call. */
export async function readWrapUpSetting(store: Pick<Store, 'settings'>): Promise<WrapUpSetting> {
  return (await store.settings.get<WrapUpSetting | null>(WRAP_UP_SETTING)) ?? NO_SETTING;
}

/** Every code the call's hotline knows, hidden ones included. */
function listedFor(lines: readonly HotlineNumber[], call: CallLine, setting: WrapUpSetting) {
  const line = lineOf(lines, hotlineNumberOf(call));
  return {
    line,
    listed: listedDispositions(flows[line.flow]?.dispositions ?? [], setting.hotlines[line.flow]),
  };
}

/** The codes offered on a new call of the call's hotline. */
export function dispositionsFor(
  lines: readonly HotlineNumber[],
  call: CallLine,
  setting: WrapUpSetting = NO_SETTING,
): CallDispositions {
  const { line, listed } = listedFor(lines, call, setting);
  return {
    hotline: line.number,
    hotlineName: line.name,
    flow: line.flow,
    dispositions: offeredDispositions(listed),
  };
}

/**
 * The label of a code on this call's hotline, when it is one of the hotline's (not an IVR outcome); a code
 * hidden since the call recorded it keeps its label.
 */
export function dispositionLabel(
  lines: readonly HotlineNumber[],
  call: CallLine,
  code: string,
  setting: WrapUpSetting = NO_SETTING,
): ListedDisposition['label'] | undefined {
  return listedFor(lines, call, setting).listed.find((d) => d.code === code)?.label;
}

export function offersDisposition(
  lines: readonly HotlineNumber[],
  call: CallLine,
  code: string,
  setting: WrapUpSetting = NO_SETTING,
): boolean {
  return dispositionsFor(lines, call, setting).dispositions.some((d) => d.code === code);
}

/**
 * An agent's outcome must be one the hotline offers now (a hidden code is refused); the error names them
 * so the client can offer them.
 */
export function checkDisposition(
  lines: readonly HotlineNumber[],
  call: CallLine,
  code: string,
  setting: WrapUpSetting = NO_SETTING,
): void {
  if (offersDisposition(lines, call, code, setting)) return;
  const offered = dispositionsFor(lines, call, setting);
  const allowed = offered.dispositions.map((d) => d.code).join(', ');
  throw invalidField(
    'body.disposition',
    'unknown-disposition',
    `"${code}" is not a wrap-up code of ${offered.hotlineName}; allowed: ${allowed}`,
  );
}

/** The wrap-up codes a call offers, for the desk's form: a campaign call's are its campaign's. */
export async function callDispositions(
  store: Pick<Store, 'calls' | 'settings' | 'campaigns'>,
  lines: readonly HotlineNumber[],
  callSid: string,
): Promise<CallDispositions & { readonly callSid: string }> {
  const [call, setting] = await Promise.all([store.calls.get(callSid), readWrapUpSetting(store)]);
  if (!call) throw new NotFoundError('call', callSid);
  const campaign = call.campaignId ? await campaignDispositions({ store }, call.campaignId) : undefined;
  if (campaign)
    return {
      callSid,
      hotline: call.from,
      hotlineName: campaign.name,
      flow: 'campaign',
      dispositions: campaign.dispositions,
    };
  return { callSid, ...dispositionsFor(lines, call, setting) };
}

/** A campaign call's outcome must be one of the campaign's dispositions; the error names them. */
export async function checkCampaignDisposition(
  store: Pick<Store, 'campaigns'>,
  campaignId: string,
  code: string,
): Promise<void> {
  const campaign = await campaignDispositions({ store }, campaignId);
  const allowed = campaign?.dispositions.map((d) => d.code) ?? [];
  if (allowed.includes(code)) return;
  throw invalidField(
    'body.disposition',
    'unknown-disposition',
    `"${code}" is not a disposition of campaign ${campaign?.name ?? campaignId}; allowed: ${allowed.join(', ')}`,
  );
}
