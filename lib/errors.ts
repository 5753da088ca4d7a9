/** The error codes a caller can see, and the HTTP status of each: the one table. */
export const errorStatus = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation_error: 422,
  rate_limited: 429,
  quota_exceeded: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Field name to its messages, shown next to the field. */
export type FieldErrors = Record<string, string[]>;

/** The one error shape every action and route answers with. */
export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors; upgradePath?: string } };

/** An error meant for the caller: its message is shown as is, so it must never carry internals. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: FieldErrors; retryAfterSeconds?: number; /** Where to buy more (`quota_exceeded`). */ upgradePath?: string } = {},
  ) {
    super(message);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** The body sent to the caller. */
  toBody(): ErrorBody {
    const { fields, upgradePath } = this.options;
    return { error: { code: this.code, message: this.message, ...(fields ? { fields } : {}), ...(upgradePath ? { upgradePath } : {}) } };
  }
}

/** What a caller sees for anything that is not an AppError: nothing about what went wrong inside. */
export const internalError = () => new AppError("internal_error", "Something went wrong on our side. Please try again.");
