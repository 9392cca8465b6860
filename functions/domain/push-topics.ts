// What the push channel says, shared with the browser (this module imports nothing, so the web bundle can
// take it): the topics a page may be told changed, each one of the page's reads.
export const PUSH_TOPICS = ['me', 'queue', 'voicemails', 'tasks', 'missed'] as const;
export type PushTopic = (typeof PUSH_TOPICS)[number];

export interface PushMessage {
  readonly type: 'changed';
  readonly topics: readonly PushTopic[];
}
