// What the desk shows beside a campaign's call: the campaign, the contact, and the questionnaire the agent
// asks with what was answered so far; and saving the answers on the contact. Agents read and answer on the
// calls they took; supervisors and admins on any.
import { checkAnswers } from '../../domain/campaigns/answers.js';
import { isLead, type User } from '../../domain/model.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/problems.js';
import type { Answer, Questionnaire } from '../../domain/surveys.js';
import type { CenterBasics } from '../center.js';
import { readSurveys } from '../surveys.js';

export interface CampaignCallView {
  readonly callSid: string;
  readonly campaignId: string;
  readonly campaignName: string;
  readonly contact: { readonly id: string; readonly phone: string; readonly name?: string };
  readonly questionnaire?: Questionnaire;
  readonly answers: Readonly<Record<string, Answer>>;
}

async function campaignCallOf(deps: CenterBasics, user: User, callSid: string) {
  const record = await deps.store.calls.get(callSid);
  if (!record?.campaignId || !record.contactId) throw new NotFoundError('campaign call', callSid);
  if (!isLead(user.roles) && record.agentId !== user.id)
    throw new ForbiddenError(`Call ${callSid} was taken by another agent.`);
  const [campaign, contact] = await Promise.all([
    deps.store.campaigns.get(record.campaignId),
    deps.store.campaigns.getContact(record.campaignId, record.contactId),
  ]);
  if (!campaign || !contact) throw new NotFoundError('campaign call', callSid);
  const questionnaire = campaign.questionnaireId
    ? (await readSurveys(deps)).questionnaires.find((q) => q.id === campaign.questionnaireId)
    : undefined;
  return { campaign, contact, questionnaire };
}

export async function campaignCallView(
  deps: CenterBasics,
  user: User,
  callSid: string,
): Promise<CampaignCallView> {
  const { campaign, contact, questionnaire } = await campaignCallOf(deps, user, callSid);
  return {
    callSid,
    campaignId: campaign.id,
    campaignName: campaign.name,
    contact: { id: contact.id, phone: contact.phone, ...(contact.name ? { name: contact.name } : {}) },
    ...(questionnaire ? { questionnaire } : {}),
    answers: contact.answers ?? {},
  };
}

export async function saveCampaignAnswers(
  deps: CenterBasics,
  user: User,
  callSid: string,
  given: Readonly<Record<string, unknown>>,
): Promise<CampaignCallView> {
  const { campaign, contact, questionnaire } = await campaignCallOf(deps, user, callSid);
  if (!questionnaire)
    throw new ValidationError([
      {
        path: 'body.answers',
        code: 'unknown-questionnaire',
        message: `campaign ${campaign.name} asks no questionnaire`,
      },
    ]);
  const checked = checkAnswers(questionnaire, given);
  if (!checked.ok)
    throw new ValidationError(
      checked.issues.map((i) => ({ path: `body.answers.${i.questionId}`, code: i.code, message: i.message })),
    );
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = attempt === 0 ? contact : await deps.store.campaigns.getContact(campaign.id, contact.id);
    if (!current) break;
    const written = await deps.store.campaigns.updateContact(campaign.id, contact.id, current.version, {
      answers: checked.answers,
    });
    if (written.ok) break;
  }
  await deps.store.audit.append({
    actor: user.id,
    action: 'campaign.answers',
    target: `${campaign.id}/${contact.id}`,
    detail: { callSid, questions: Object.keys(checked.answers) },
  });
  return campaignCallView(deps, user, callSid);
}
