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
}
