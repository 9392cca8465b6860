// What provisioning leaves for the app: the SIDs TaskRouter gave the workspace, workflow, activities,
// queues and workers, stored as the `taskrouter` setting and read (cached) by the webhooks.
export interface ProvisionedRouting {
  readonly workspaceSid: string;
  readonly workflowSid: string;
  /** Activity name -> SID. */
  readonly activities: Readonly<Record<string, string>>;
  /** Queue name -> SID. */
  readonly queues: Readonly<Record<string, string>>;
  /** Agent id (worker friendly name) -> SID. */
  readonly workers: Readonly<Record<string, string>>;
  /** TwiML App for the Voice SDK's outgoing calls, when provisioning made one. */
  readonly applicationSid?: string;
}

export const ROUTING_SETTING = 'taskrouter';
