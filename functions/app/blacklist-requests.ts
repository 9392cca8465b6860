// Agents ask for a number to be blacklisted; a supervisor approves (the IVR's blacklist entry is written)
// or rejects. Each request is an item of its own (store.blacklistRequests), so simultaneous requests are all
// kept, and a decision is conditional on the request still pending: only its winner writes the entry.
import type { BlacklistRequest, User } from '../domain/model.js';
import { normalisePhone } from '../domain/phone.js';
import { HttpProblem, invalidField, NotFoundError } from '../domain/problems.js';
import { migrateLegacyBlacklistRequests } from './blacklist-requests-legacy.js';
import type { CenterPorts } from './center.js';

/** The supervisor's list has no cursor: it shows at most this many, oldest first. */
const MAX_LISTED = 500;

export function createBlacklistRequests(deps: Pick<CenterPorts, 'store' | 'config'>) {
  const { store, config } = deps;
  let migrated: Promise<void> | undefined;
  // Reading and deciding need requests from the old settings document; a new request does not.
  const ready = () =>
    (migrated ??= migrateLegacyBlacklistRequests(store).catch((err: unknown) => {
      migrated = undefined;
      throw err;
    }));
  return {
    async request(user: User, body: { phone: string; reason: string; callSid?: string | undefined }) {
      const phone = normalisePhone(body.phone, config.defaultPhoneRegion);
      if (!phone.ok) throw invalidField('body.phone', 'invalid-phone', 'is not a phone number');
      const entry = await store.blacklistRequests.create({
        phone: phone.e164,
        reason: body.reason,
        ...(body.callSid ? { callSid: body.callSid } : {}),
        requestedBy: user.id,
      });
      await store.audit.append({
        actor: user.id,
        action: 'blacklist.request',
        target: entry.phone,
        detail: { id: entry.id, reason: body.reason },
      });
      return entry;
    },
    async pending() {
      await ready();
      const listed: BlacklistRequest[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.blacklistRequests.pending({
          limit: MAX_LISTED - listed.length,
          ...(cursor ? { cursor } : {}),
        });
        listed.push(...page.items);
        cursor = page.cursor;
      } while (cursor && listed.length < MAX_LISTED);
      return listed;
    },
    async decide(
      user: User,
      id: string,
      body: {
        decision: 'approve' | 'reject';
        note?: string | undefined;
        action?: 'message' | 'reject' | undefined;
      },
    ) {
      await ready();
      const result = await store.blacklistRequests.decide(id, {
        status: body.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: user.id,
        ...(body.note ? { note: body.note } : {}),
      });
      if (!result.ok) {
        if (result.reason === 'not-found') throw new NotFoundError('blacklist request', id);
        throw new HttpProblem(409, 'decided', `Request ${id} is already ${result.current.status}.`);
      }
      const decided = result.value;
      // Only after winning the decision: a supervisor who lost the race writes nothing.
      if (decided.status === 'approved') {
        await store.blacklist.put({
          phone: decided.phone,
          reason: decided.reason,
          createdBy: user.id,
          // No action chosen: the entry follows each line's own `blocked` rule (a reject line refuses
          // the call unanswered), so it is left unset rather than fixed to a message everywhere.
          ...(body.action ? { action: body.action } : {}),
        });
      }
      await store.audit.append({
        actor: user.id,
        action: 'supervisor.blacklist',
        target: decided.phone,
        detail: { id, decision: body.decision, requestedBy: decided.requestedBy },
      });
      return decided;
    },
  };
}
