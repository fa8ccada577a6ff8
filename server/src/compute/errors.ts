// One error shape for the whole API: { error, parameter? }. The application layer and the routes
// throw ApiError; app.onError turns it (and anything unexpected) into JSON without leaking stack
// traces. A plain Error, not Hono's HTTPException, so the application layer never imports hono.

/** The statuses the API answers errors with. */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export class ApiError extends Error {
  constructor(readonly status: ApiErrorStatus, readonly error: string, readonly parameter?: string) {
    super(error);
    this.name = 'ApiError';
  }
}
