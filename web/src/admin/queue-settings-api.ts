// Calls to the queues and wrap-up settings (GET/PUT /api/admin/queues and /api/admin/wrap-up); their
// versions and restore: settings-api.ts.
import type { QueueRule, QueuesSetting } from '../../../functions/domain/queue-settings.js';
import type { ListedDisposition, WrapUpSetting } from '../../../functions/domain/wrap-up-settings.js';
import { call } from '../api.js';

export type { ListedDisposition, QueueRule, QueuesSetting, WrapUpSetting };

export interface QueuesView {
  readonly queues: Readonly<Record<string, QueueRule>>;
  readonly builtIn: { readonly maxWaiting: number };
  readonly source: 'console' | 'built-in';
}

export interface HotlineWrapUpView {
  readonly seconds: number;
  readonly dispositions: readonly ListedDisposition[];
  readonly flowCodes: readonly string[];
}

export interface WrapUpView {
  readonly hotlines: Readonly<Record<string, HotlineWrapUpView>>;
  readonly builtIn: { readonly seconds: number };
  readonly deskCodes: readonly string[];
  readonly source: 'console' | 'built-in';
}

export const queueSettingsApi = {
  get: () => call<QueuesView>('GET', '/admin/queues'),
  replace: (setting: QueuesSetting) => call<QueuesView>('PUT', '/admin/queues', setting),
};

export const wrapUpApi = {
  get: () => call<WrapUpView>('GET', '/admin/wrap-up'),
  replace: (setting: WrapUpSetting) => call<WrapUpView>('PUT', '/admin/wrap-up', setting),
};

/** What the page saves: every hotline's time and whole list, as shown. */
export function wrapUpSettingOf(view: WrapUpView): WrapUpSetting {
  return {
    hotlines: Object.fromEntries(
      Object.entries(view.hotlines).map(([flow, h]) => [
        flow,
        { seconds: h.seconds, dispositions: h.dispositions },
      ]),
    ),
  };
}
