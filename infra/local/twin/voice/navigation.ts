// Where a call goes for its next document and what it is waiting for. A leaf of its own because the pause
// points (call-control.ts) need these few types and the call records (types.ts) hold a call's control.

export type HttpMethod = 'GET' | 'POST';

export type Params = Readonly<Record<string, string>>;

export type WaitingFor = 'input' | 'queue' | 'agent' | 'recording' | 'nothing';

/** Where the call goes to fetch its next document. */
export type Navigation =
  | { readonly kind: 'url'; readonly url: string; readonly method: HttpMethod; readonly params?: Params }
  | { readonly kind: 'twiml'; readonly twiml: string };
