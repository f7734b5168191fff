// Files the Settings screen hands to the browser: recovery codes, the data export.
import { send } from "../../api/client";
import { browserZone, dateKey } from "../../lib/time";


// The text of the recovery codes file: who they are for, when, and how they work.
export function recoveryCodesText(email: string, codes: string[], when: Date = new Date()): string {
  return [
    `Persona recovery codes for ${email}`,
    `Created ${dateKey(when, browserZone())}. Each code logs in once, instead of the authenticator code.`,
    "",
    ...codes,
    "",
  ].join("\n");
}

// "persona-export-2026-12-02.json": dated in the browser's zone.
export function exportFilename(when: Date = new Date()): string {
  return `persona-export-${dateKey(when, browserZone())}.json`;
}

// GET /api/v1/me/export as a Blob; with secrets, the password goes again in
// X-Reauth-Password (403 reauth_failed when it is wrong).
export async function fetchExport(includeSecrets: boolean, password: string): Promise<Blob> {
  const res = await send("get", includeSecrets ? "/api/v1/me/export?include_secrets=true" : "/api/v1/me/export", {
    headers: includeSecrets ? { "X-Reauth-Password": password } : undefined,
  });
  try {
    return await res.blob();
  } catch {
    // The answer is streamed: a failure half way cuts it short after the 200.
    throw new Error(
      "The server stopped in the middle of the export, so nothing was saved (the file would be incomplete). " +
        "Its log says why.",
    );
  }
}

// "ABCD EFGH IJKL …": a base32 secret in groups of four, easier to type by hand
// (authenticator apps ignore the spaces).
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(" ");
}
