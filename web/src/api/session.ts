// Who is logged in: `me` is the user of GET /api/v1/me once known, null when logged out,
// undefined while the first check runs.
import { signal } from "@preact/signals";
import type { Schemas } from "./client";
import { ApiError, api, setUnauthorizedHandler } from "./client";

export type Me = Schemas["User"];

export const me = signal<Me | null | undefined>(undefined);

// Any 401: the session is gone.
setUnauthorizedHandler(() => {
  me.value = null;
});

// Asks the server who we are (null when not logged in). Never redirects: the shell
// decides where to go.
export async function loadMe(): Promise<Me | null> {
  try {
    me.value = await api.get("/api/v1/me", { redirectOn401: false });
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) throw e;
    me.value = null;
  }
  return me.value;
}

export interface Credentials {
  email: string;
  password: string;
  totp_code?: string;
  recovery_code?: string;
}

// POST /auth/login; rejects with ApiError (401 "totp_required", 401 bad credentials,
// 429 with retryAfter, 422 with field errors).
export async function login(credentials: Credentials): Promise<Me> {
  const user = await api.post("/api/v1/auth/login", { body: credentials, redirectOn401: false });
  me.value = user;
  return user;
}

export async function logout(): Promise<void> {
  try {
    await api.post("/api/v1/auth/logout", { redirectOn401: false });
  } finally {
    me.value = null;
  }
}
