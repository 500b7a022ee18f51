// The store's one typed failure: it could not be reached (or did not answer in time). The realtime
// layer answers UNAVAILABLE for it and INTERNAL for anything else, whatever the store is.
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`room store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}
