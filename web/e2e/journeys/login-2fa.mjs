// The login's two-factor step: with 2FA on (enrolled here through the API; the Settings
// journey does it through the UI), the password alone asks for the code; a wrong code is
// told beside its field; the right one logs in; so does a recovery code.
import { apiCall, assertEqual, atPath, expectFocus, totp, visible } from "../harness.mjs";

export async function run({ page, context, server, baseURL, screen }) {
  const user = { email: "two-factor@example.com", password: "two factor journey password" };
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await apiCall(context, baseURL, "POST", "/api/v1/auth/login", user);
  const { secret } = await apiCall(context, baseURL, "POST", "/api/v1/me/2fa/setup");
  const { recovery_codes } = await apiCall(context, baseURL, "POST", "/api/v1/me/2fa/enable", { code: totp(secret) });
  await apiCall(context, baseURL, "POST", "/api/v1/auth/logout");

  const logIn = page.getByRole("button", { name: "Log in" });
  await page.goto("/activity");
  await atPath(page, "/login?next=%2Factivity");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await logIn.click();
  const code = page.getByLabel("Authentication code");
  await visible(code);
  await expectFocus(page, "totp_code", "focus moves to the code");
  await screen("login-2fa");

  // A wrong code: told beside the field.
  await code.fill("000000" === totp(secret, 1) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and log in" }).click();
  await visible(page.getByText("This code was not accepted"));
  assertEqual(await code.getAttribute("aria-invalid"), "true", "the code field is marked invalid");
  await expectFocus(page, "totp_code", "focus returns to the code");

  // The next period's code (the enrolment used this one's).
  await code.fill(totp(secret, 1));
  await page.getByRole("button", { name: "Verify and log in" }).click();
  await atPath(page, "/activity");
  await visible(page.getByRole("heading", { name: "Activity log" }));
  await page.getByRole("button", { name: "Log out" }).click();
  await atPath(page, "/login");

  // A recovery code instead.
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await logIn.click();
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  const recovery = page.getByLabel("Recovery code");
  await visible(recovery);
  await screen("login-recovery-code");
  await recovery.fill(recovery_codes[0]);
  await page.getByRole("button", { name: "Verify and log in" }).click();
  await atPath(page, "/");
  await visible(page.getByRole("heading", { name: "Today" }));
}
