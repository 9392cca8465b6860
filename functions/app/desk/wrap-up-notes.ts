// The disposition and notes an agent writes for a call: only on their own calls (supervisors and admins
// on any), saved on the call record; the disposition one of the call's hotline's wrap-up codes, or of its
// campaign's dispositions, which the campaign's contact then follows.
import type { HotlineNumber } from '../../../flows/numbers.js';
import { isLead, type User } from '../../domain/model.js';
import { ForbiddenError, NotFoundError } from '../../domain/problems.js';
import { dispositionRecorded } from '../campaigns/attempts.js';
import type { CenterBasics } from '../center.js';
import { checkCampaignDisposition, checkDisposition, readWrapUpSetting } from './dispositions.js';

export async function saveWrapUpNotes(
  deps: CenterBasics,
  lines: readonly HotlineNumber[],
  user: User,
  callSid: string,
  body: { readonly disposition?: string | undefined; readonly notes?: string | undefined },
  /** Whether the user had the call before a transfer moved it on (the record names its latest agent). */
  tookPart: () => Promise<boolean> = async () => false,
) {
  const { store } = deps;
  const record = await store.calls.get(callSid);
  if (!record) throw new NotFoundError('call', callSid);
  const all = isLead(user.roles);
  if (!all && record.agentId !== user.id && !(await tookPart()))
    throw new ForbiddenError(`Call ${callSid} was taken by another agent.`);
  if (body.disposition !== undefined && record.campaignId)
    await checkCampaignDisposition(store, record.campaignId, body.disposition);
  else if (body.disposition !== undefined)
    checkDisposition(lines, record, body.disposition, await readWrapUpSetting(store));
  const saved = await store.calls.update(callSid, {
    ...(body.disposition !== undefined ? { disposition: body.disposition } : {}),
    ...(body.notes !== undefined ? { notes: body.notes } : {}),
  });
  const call = saved.ok ? saved.value : record;
  // A campaign's contact follows its disposition: done, or called again later.
  if (body.disposition !== undefined && record.campaignId && record.contactId) {
    const campaign = await store.campaigns.get(record.campaignId);
    if (campaign) await dispositionRecorded(deps, campaign, record.contactId, callSid, body.disposition);
  }
  return {
    callSid,
    ...(call.disposition ? { disposition: call.disposition } : {}),
    ...(call.notes ? { notes: call.notes } : {}),
  };
}
