// The whitelist, for supervisors: numbers that are never blocked and never turned away by a full queue
// (a fleet account's drivers, an emergency partner). A number has one entry on the caller lists, so
// whitelisting a blacklisted number lifts its block, and the audit keeps what was there before.
import type { BlacklistEntry, User } from '../domain/model.js';
import { normalisePhone } from '../domain/phone.js';
import { invalidField, NotFoundError } from '../domain/problems.js';
import type { CenterPorts } from './center.js';

/** The page shows the whole list: a whitelist is short by nature. */
const MAX_LISTED = 1000;

export interface WhitelistAdd {
  readonly phone: string;
  readonly note: string;
}

export function createWhitelist(deps: Pick<CenterPorts, 'store' | 'config'>) {
  const { store, config } = deps;
  const e164 = (raw: string, field: string) => {
    const phone = normalisePhone(raw, config.defaultPhoneRegion);
    if (!phone.ok) throw invalidField(field, 'invalid-phone', 'is not a phone number');
    return phone.e164;
  };
  return {
    async list(): Promise<BlacklistEntry[]> {
      const listed: BlacklistEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.blacklist.listAllowed({
          limit: MAX_LISTED - listed.length,
          ...(cursor ? { cursor } : {}),
        });
        listed.push(...page.items);
        cursor = page.cursor;
      } while (cursor && listed.length < MAX_LISTED);
      return listed;
    },
    async add(user: User, body: WhitelistAdd): Promise<BlacklistEntry> {
      const phone = e164(body.phone, 'body.phone');
      const before = await store.blacklist.get(phone);
      const entry = await store.blacklist.put({
        phone,
        action: 'allow',
        reason: body.note,
        createdBy: user.id,
      });
      await store.audit.append({
        actor: user.id,
        action: 'whitelist.add',
        target: phone,
        detail: { ...(before ? { before } : {}), after: entry },
      });
      return entry;
    },
    async remove(user: User, raw: string): Promise<void> {
      const phone = e164(raw, 'path.phone');
      const before = await store.blacklist.get(phone);
      // A blacklisted number is not the whitelist's to remove: that is the blacklist's decision.
      if (before?.action !== 'allow') throw new NotFoundError('Whitelisted number', phone);
      await store.blacklist.remove(phone);
      await store.audit.append({
        actor: user.id,
        action: 'whitelist.remove',
        target: phone,
        detail: { before },
      });
    },
  };
}
