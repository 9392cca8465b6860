// One contact added to a campaign at a time (a lead from an outside system), safe against leads arriving
// together: the number is claimed first (a conditional put beside the contacts), then the row number is
// allocated by an atomic add on the campaign's contacts count, conditional on the campaign taking contacts,
// and the contact is put only where no contact is. A failure after the claim gives the claim back.
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type CampaignContact, type CampaignStatus, contactId } from '../../domain/campaigns/campaign.js';
import { type AddContactResult, type AddedContact, CLOSED_STATUSES } from '../../domain/campaigns/ports.js';
import { byTime, campaignDue, campaign as campaignPk, contactPhoneSk, contactSk, ITEM_SK } from './keys.js';
import { getItem, type Item, putIf, type TableAccess } from './table-access.js';
import { compact } from './versioned.js';

/** Row numbers tried when one is found taken (a contact written without counting it). */
const MAX_ALLOCATIONS = 5;

export function contactItem(c: CampaignContact): Item {
  return compact({
    ...c,
    pk: campaignPk(c.campaignId),
    sk: contactSk(c.id),
    entity: 'campaign-contact',
    // Only pending contacts are on the due list: the rest cost the dialler nothing.
    ...(c.status === 'pending' && c.nextAt
      ? { gsi2pk: campaignDue(c.campaignId), gsi2sk: byTime(c.nextAt, c.id) }
      : {}),
  });
}

/** A campaign's claim on a number; `contactId` once the contact is written. */
export function phoneItem(campaignId: string, phone: string, id?: string): Item {
  return compact({
    pk: campaignPk(campaignId),
    sk: contactPhoneSk(phone),
    entity: 'campaign-phone',
    phone,
    contactId: id,
  });
}

const isConditionFailure = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException';

/** Adds one to the contacts and pending counts if the campaign takes contacts; the new contacts count. */
async function allocate(t: TableAccess, campaignId: string): Promise<number | undefined> {
  try {
    const out = await t.doc.send(
      new UpdateCommand({
        TableName: t.tableName,
        Key: { pk: campaignPk(campaignId), sk: ITEM_SK },
        UpdateExpression:
          'SET #c.#n = if_not_exists(#c.#n, :zero) + :one, #c.#p = if_not_exists(#c.#p, :zero) + :one',
        ConditionExpression: 'attribute_exists(pk) AND NOT (#s IN (:closed0, :closed1))',
        ExpressionAttributeNames: { '#c': 'counts', '#n': 'contacts', '#p': 'pending', '#s': 'status' },
        ExpressionAttributeValues: {
          ':zero': 0,
          ':one': 1,
          ':closed0': CLOSED_STATUSES[0],
          ':closed1': CLOSED_STATUSES[1],
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const counts = out.Attributes?.counts as { contacts?: unknown } | undefined;
    if (typeof counts?.contacts !== 'number') throw new Error(`campaign ${campaignId} returned no count`);
    return counts.contacts;
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    return undefined;
  }
}

export async function addContact(
  t: TableAccess,
  campaignId: string,
  contact: AddedContact,
  dueAt: string,
): Promise<AddContactResult> {
  const pk = campaignPk(campaignId);
  if (!(await putIf(t, phoneItem(campaignId, contact.phone), 'attribute_not_exists(pk)'))) {
    const claim = await getItem(t, pk, contactPhoneSk(contact.phone));
    const id = typeof claim?.contactId === 'string' ? claim.contactId : undefined;
    return { ok: false, reason: 'duplicate', ...(id ? { contactId: id } : {}) };
  }
  const release = () =>
    t.doc.send(new DeleteCommand({ TableName: t.tableName, Key: { pk, sk: contactPhoneSk(contact.phone) } }));
  try {
    for (let attempt = 0; attempt < MAX_ALLOCATIONS; attempt++) {
      const row = await allocate(t, campaignId);
      if (row === undefined) {
        await release();
        const campaign = await getItem(t, pk);
        if (!campaign) return { ok: false, reason: 'not-found' };
        return { ok: false, reason: 'closed', status: campaign.status as CampaignStatus };
      }
      const added: CampaignContact = {
        ...contact,
        campaignId,
        id: contactId(row),
        status: 'pending',
        attempts: 0,
        nextAt: dueAt,
        history: [],
        version: 1,
      };
      if (await putIf(t, contactItem(added), 'attribute_not_exists(pk)')) {
        await t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: { pk, sk: contactPhoneSk(contact.phone) },
            UpdateExpression: 'SET contactId = :id',
            ExpressionAttributeValues: { ':id': added.id },
          }),
        );
        return { ok: true, value: added };
      }
      // The row is someone else's (written without raising the count): it is counted now; only the pending
      // count is taken back, since no pending contact of ours was written.
      await t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: { pk, sk: ITEM_SK },
          UpdateExpression: 'SET #c.#p = #c.#p - :one',
          ExpressionAttributeNames: { '#c': 'counts', '#p': 'pending' },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    }
    throw new Error(`campaign ${campaignId}: no free row number after ${MAX_ALLOCATIONS} tries`);
  } catch (err) {
    await release().catch(() => undefined);
    throw err;
  }
}
