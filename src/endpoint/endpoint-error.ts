/** Why a request to the endpoint failed. */
export type EndpointErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response' | 'invalid-item';

/** A failed request to the votes endpoint, as reported in `helpful-error`'s `detail.error`. */
export class EndpointError extends Error {
  override name = 'EndpointError';
  /** What went wrong. */
  declare readonly kind: EndpointErrorKind;
  /** The HTTP status, for `http` and `invalid-response` failures. */
  declare readonly status?: number;
  /** Seconds the server asked us to wait (`Retry-After`), when it said so. */
  declare readonly retryAfter?: number;

  constructor(message: string, kind: EndpointErrorKind, status?: number, retryAfter?: number) {
    super(message);
    // One assignment for the three fields: the shortest code, in a module every page loads.
    Object.assign(this, { kind, status, retryAfter });
  }
}
