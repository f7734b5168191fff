// The server answers a wrong password given again (403, code reauth_failed) without a
// field; the screen knows which field it came from and shows the message beside it.
import { ApiError, fieldError } from "../../api/client";

// Rethrows `error`, moved beside `field` when it is a failed re-authentication.
export function blameField(error: unknown, field: string, message: string): never {
  if (error instanceof ApiError && error.status === 403 && error.code === "reauth_failed") {
    throw fieldError(field, message, 403);
  }
  throw error;
}
