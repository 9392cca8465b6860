// Calls to the forwarding routes (admins only): every hotline's duty phone, read and replaced whole (its
// versions and restore: settings-api.ts).
import type { ForwardingSetting, ForwardRule } from '../../../functions/domain/forwarding.js';
import { call } from '../api.js';

export type { ForwardingSetting, ForwardRule };

export const forwardingApi = {
  get: () => call<ForwardingSetting>('GET', '/admin/forwarding'),
  replace: (setting: ForwardingSetting) => call<ForwardingSetting>('PUT', '/admin/forwarding', setting),
};
