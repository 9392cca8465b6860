// Paging shared by every repository port: a page of items and the request for the next one. A leaf of
// its own so the storage port (ports.ts) and the channel ports can both use it without importing each other.

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque cursor for the next page, absent on the last one. */
  readonly cursor?: string;
}
export interface PageRequest {
  readonly limit?: number;
  readonly cursor?: string;
}
