/** The error codes a caller can see, and the HTTP status of each: the one table. */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation_error: 422,
  unsupported_media_type: 415,
  rate_limited: 429,
  quota_exceeded: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Field name to its messages, shown next to the field. */
export type FieldErrors = Record<string, string[]>;

/** Where the caller can fix what was refused (a plan limit: the billing page), shown as a link after the message. */
export type ErrorLink = { href: string; label: string };

/** The one error shape every action and route answers with. */
export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors; link?: ErrorLink } };

/** An error meant for the caller: its message is shown as is, so it must never carry internals. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: FieldErrors; retryAfterSeconds?: number; link?: ErrorLink } = {},
  ) {
    super(message);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** The body sent to the caller. */
  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.options.fields ? { fields: this.options.fields } : {}),
        ...(this.options.link ? { link: this.options.link } : {}),
      },
    };
  }
}

/** What a caller sees while the database is unreachable (a restart, a failover): try again shortly. */
export const unavailableError = () => new AppError("unavailable", "The service is briefly unavailable. Please try again in a few seconds.", { retryAfterSeconds: 5 });

/** What a caller sees for anything that is not an AppError: nothing about what went wrong inside. */
export const internalError = () => new AppError("internal_error", "Something went wrong on our side. Please try again.");
