// Agents ask for a number to be blacklisted; a supervisor approves (the IVR's blacklist entry is written)
// or rejects. Kept as one settings document: requests are rare and reviewed by hand. Known limit: two
// requests written in the same instant can race (last write wins); a repo of its own would fix that.
import { randomUUID } from 'node:crypto';
import type { User } from '../../domain/model.js';
import { normalisePhone } from '../../domain/phone.js';
import type { AppDeps } from '../deps.js';
import { HttpProblem, invalidField, NotFoundError } from '../errors.js';

export interface BlacklistRequest {
  readonly id: string;
  readonly phone: string;
  readonly reason: string;
  readonly callSid?: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly note?: string;
}

const DOC = 'blacklist-requests';
const KEEP = 500;

export function createBlacklistRequests(deps: AppDeps) {
  const { store, clock, config } = deps;
  const all = async () => (await store.settings.get<BlacklistRequest[]>(DOC)) ?? [];
  const now = () => new Date(clock.now()).toISOString();
  return {
    async request(user: User, body: { phone: string; reason: string; callSid?: string | undefined }) {
      const phone = normalisePhone(body.phone, config.defaultPhoneRegion);
      if (!phone.ok) throw invalidField('body.phone', 'is not a phone number');
      const entry: BlacklistRequest = {
        id: randomUUID(),
        phone: phone.e164,
        reason: body.reason,
        ...(body.callSid ? { callSid: body.callSid } : {}),
        requestedBy: user.id,
        requestedAt: now(),
        status: 'pending',
      };
      await store.settings.put(DOC, [...(await all()), entry].slice(-KEEP));
      await store.audit.append({
        actor: user.id,
        action: 'blacklist.request',
        target: entry.phone,
        detail: { id: entry.id, reason: body.reason },
      });
      return entry;
    },
    async pending() {
      return (await all()).filter((r) => r.status === 'pending');
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
      const list = await all();
      const found = list.find((r) => r.id === id);
      if (!found) throw new NotFoundError('blacklist request', id);
      if (found.status !== 'pending')
        throw new HttpProblem(409, 'decided', `Request ${id} is already ${found.status}.`);
      const decided: BlacklistRequest = {
        ...found,
        status: body.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: user.id,
        decidedAt: now(),
        ...(body.note ? { note: body.note } : {}),
      };
      if (decided.status === 'approved') {
        await store.blacklist.put({
          phone: found.phone,
          reason: found.reason,
          createdBy: user.id,
          action: body.action ?? 'message',
        });
      }
      await store.settings.put(
        DOC,
        list.map((r) => (r.id === id ? decided : r)),
      );
      await store.audit.append({
        actor: user.id,
        action: 'supervisor.blacklist',
        target: found.phone,
        detail: { id, decision: body.decision, requestedBy: found.requestedBy },
      });
      return decided;
    },
  };
}
