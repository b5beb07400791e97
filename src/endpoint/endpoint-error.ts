/** Why a request to the endpoint failed. */
export type EndpointErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response' | 'invalid-item';

/** A failed request to the votes endpoint, as reported in `helpful-error`'s `detail.error`. */
export class EndpointError extends Error {
  override name = 'EndpointError';

  constructor(
    message: string,
    /** What went wrong. */
    readonly kind: EndpointErrorKind,
    /** The HTTP status, for `http` and `invalid-response` failures. */
    readonly status?: number,
    /** Seconds the server asked us to wait (`Retry-After`), when it said so. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /**
   * A 4xx other than 408 and 429 means the server understood and refused: sending the same vote again
   * cannot succeed. Everything else (network, timeout, 408, 429, 5xx, a malformed 200) may pass later.
   */
  get temporary(): boolean {
    if (this.kind === 'invalid-item') return false; // never sent: the item id breaks the protocol's limits
    if (this.kind !== 'http' || this.status === undefined) return true;
    return !(this.status >= 400 && this.status < 500) || this.status === 408 || this.status === 429;
  }
}
