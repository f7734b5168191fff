// Settings, as a user of its own: the master keys' status; two-factor enrolment through
// the UI (QR code, the key read from the page, a wrong code told beside its field, the
// recovery codes shown once and downloaded) and a login with the next code; an API token
// shown once, copied, used from node and deleted; the data export downloaded (with and
// without secrets); the password changed (a weak one and a wrong current one refused
// beside their fields) and a login with the new one and a recovery code; 2FA turned off.
import fs from "node:fs";
import { apiCall, assert, assertEqual, atPath, expectFocus, totp, visible } from "../harness.mjs";

export async function run({ page, context, server, baseURL, screen }) {
  const user = { email: "settings@example.com", password: "settings journey password" };
  const newPassword = "settings journey renewed password";
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

  const logIn = page.getByRole("button", { name: "Log in" });
  const verify = page.getByRole("button", { name: "Verify and log in" });
  const logOut = async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await atPath(page, "/login");
  };
  const toSettings = async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await atPath(page, "/settings");
    await visible(page.getByRole("heading", { name: "Settings", level: 1 }));
  };

  // Log in through the login screen, from a deep link to Settings.
  await page.goto("/settings");
  await atPath(page, "/login?next=%2Fsettings");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await logIn.click();
  await atPath(page, "/settings");
  await visible(page.getByRole("heading", { name: "Settings", level: 1 }));
  for (const name of ["Password", "Two-factor authentication", "API tokens", "Data export", "Master keys", "Delete the account"]) {
    await visible(page.getByRole("region", { name, exact: true }));
  }

  // The master keys: the server's current key, marked current, with its count.
  const keys = page.getByRole("region", { name: "Master keys" });
  const status = await apiCall(context, baseURL, "GET", "/api/v1/keys");
  const current = status.keys.find((k) => k.current);
  const currentRow = keys.getByRole("row").filter({ hasText: current.kid });
  await visible(currentRow.getByText("Current", { exact: true }));
  assertEqual(
    (await currentRow.getByRole("cell").nth(2).textContent()).trim(),
    current.values.toLocaleString("en-GB"),
    "the current key's value count",
  );
  await visible(keys.getByText("persona keys rotate"));
  assertEqual(await keys.getByRole("alert").count(), 0, "no warning while every value is readable and encrypted");
  await screen("settings");
  // Dark mode too: axe checks its contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  await screen("settings-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const exportRegion = page.getByRole("region", { name: "Data export" });

  // Two-factor enrolment.
  const twoFactor = page.getByRole("region", { name: "Two-factor authentication" });
  await visible(twoFactor.getByText("off", { exact: true }));
  await twoFactor.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const qr = twoFactor.getByRole("img", { name: /QR code/ });
  await visible(qr);
  assert((await qr.getAttribute("src")).startsWith("data:image/svg+xml"), "the QR code is an SVG data URL image");
  assert(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), "the QR code image renders");
  const secret = (await twoFactor.getByLabel("Or enter this key by hand").inputValue()).replace(/\s+/g, "");
  assert(/^[A-Z2-7]{16,}$/.test(secret), "the secret is base32: " + secret);
  await screen("settings-2fa-enrol");
  await fitsAPhone(page, "settings-2fa-enrol");

  // A wrong code is refused beside its field (a 422, not a failed login).
  const code = twoFactor.getByLabel("Code from the app");
  const wrong = totp(secret) === "000000" ? "111111" : "000000";
  await code.fill(wrong);
  await twoFactor.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await visible(twoFactor.getByText("the code does not match"));
  assertEqual(await code.getAttribute("aria-invalid"), "true", "the code field is marked invalid");
  await expectFocus(page, "code", "focus moves to the code");

  await code.fill(totp(secret));
  await twoFactor.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await visible(twoFactor.getByRole("heading", { name: "Your recovery codes" }));
  await visible(twoFactor.getByText("you will not see them again"));
  const codes = (await twoFactor.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents()).map((c) =>
    c.trim(),
  );
  assert(codes.length >= 8, `recovery codes shown (${codes.length})`);
  assertEqual((await apiCall(context, baseURL, "GET", "/api/v1/me")).two_factor_enabled, true, "2FA is on");
  await visible(twoFactor.getByText("on", { exact: true }));
  await screen("settings-recovery-codes");
  await fitsAPhone(page, "settings-recovery-codes");

  const [codesFile] = await Promise.all([
    page.waitForEvent("download"),
    twoFactor.getByRole("button", { name: "Download the codes (.txt)" }).click(),
  ]);
  assertEqual(codesFile.suggestedFilename(), "persona-recovery-codes.txt", "the codes file's name");
  const codesText = fs.readFileSync(await codesFile.path(), "utf8");
  assert(codesText.includes(user.email), "the codes file names the account");
  for (const c of codes) assert(codesText.split("\n").includes(c), "the codes file holds " + c);
  await visible(twoFactor.getByText("Downloaded persona-recovery-codes.txt."));
  await twoFactor.getByRole("button", { name: "I have saved them" }).click();
  assertEqual(await twoFactor.getByRole("list", { name: "Recovery codes" }).count(), 0, "the codes are gone once saved");
  await visible(twoFactor.getByRole("button", { name: "Turn off two-factor authentication…" }));

  // Log out; log in with the next code (the enrolment used this period's).
  await logOut();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await logIn.click();
  await visible(page.getByLabel("Authentication code"));
  const loginAt = Date.now();
  await page.getByLabel("Authentication code").fill(totp(secret, 1, loginAt));
  await verify.click();
  await atPath(page, "/");
  await toSettings();

  // An API token: shown once, copied, working, then deleted.
  const tokens = page.getByRole("region", { name: "API tokens" });
  const tokenName = "settings-journey-script";
  await visible(tokens.getByText("No API tokens yet."));
  await tokens.getByLabel("Token name").fill(tokenName);
  await tokens.getByRole("button", { name: "Create token" }).click();
  await visible(tokens.getByRole("heading", { name: `New token “${tokenName}”` }));
  await visible(tokens.getByText("you will not see it again"));
  const tokenValue = await tokens.getByLabel("Token value").inputValue();
  assert(tokenValue.length >= 20, "the token is shown");
  await tokens.getByRole("button", { name: "Copy", exact: true }).click();
  await visible(tokens.getByText("Copied to the clipboard."));
  assertEqual(await page.evaluate(() => navigator.clipboard.readText()), tokenValue, "the clipboard holds the token");
  const row = tokens.getByRole("row").filter({ hasText: tokenName });
  await visible(row);
  assert(/\d{2}:\d{2} \S+/.test(await row.getByRole("cell").nth(1).textContent()), "the created time carries its zone");
  await screen("settings-token-created");
  await fitsAPhone(page, "settings-token-created");

  const asToken = (value) => fetch(new URL("/api/v1/me", baseURL), { headers: { Authorization: `Bearer ${value}` } });
  const byToken = await asToken(tokenValue);
  assertEqual(byToken.status, 200, "the token authenticates");
  assertEqual((await byToken.json()).email, user.email, "the token acts as its user");

  await tokens.getByRole("button", { name: "Done" }).click();
  assertEqual(await tokens.getByLabel("Token value").count(), 0, "the token's value is not shown again");
  await tokens.getByRole("button", { name: `Delete token ${tokenName}` }).click();
  const confirm = page.getByRole("alertdialog");
  await visible(confirm);
  await confirm.getByRole("button", { name: "Delete token" }).click();
  await visible(tokens.getByText("No API tokens yet."));
  await expectFocus(page, "settings-tokens-title", "focus goes to the section once its row is gone");
  assertEqual((await asToken(tokenValue)).status, 401, "the deleted token no longer works");

  // The data export, without secrets.
  const [plain] = await Promise.all([page.waitForEvent("download"), exportRegion.getByRole("button", { name: "Download export" }).click()]);
  assert(/^persona-export-\d{4}-\d{2}-\d{2}\.json$/.test(plain.suggestedFilename()), "a dated file name: " + plain.suggestedFilename());
  const plainDoc = JSON.parse(fs.readFileSync(await plain.path(), "utf8"));
  assertEqual(plainDoc.format, "persona-export", "the export's format");
  assertEqual(plainDoc.user.email, user.email, "the export is of this user");
  assertEqual(plainDoc.include_secrets, false, "no secrets without asking");
  await visible(exportRegion.getByText(`Downloaded ${plain.suggestedFilename()}.`));

  // The data export with the secrets: the password is asked again; the TOTP secret comes
  // in base32, as the app took it.
  await exportRegion.getByLabel(/Include the secrets/).check();
  const exportPassword = exportRegion.getByLabel("Your password");
  await visible(exportPassword);
  await exportPassword.fill(user.password);
  const [secretDownload] = await Promise.all([
    page.waitForEvent("download"),
    exportRegion.getByRole("button", { name: "Download export" }).click(),
  ]);
  const secretDoc = JSON.parse(fs.readFileSync(await secretDownload.path(), "utf8"));
  assertEqual(secretDoc.include_secrets, true, "the secrets are included");
  assertEqual(secretDoc.user.email, user.email, "the export with secrets is of this user");
  assertEqual(secretDoc.user.two_factor_secret, secret, "the two-factor secret, in base32");
  assertEqual(await exportRegion.getByLabel("Your password").count(), 0, "the form is reset after the download");

  // The password. The banner of an unchanged generated password is faked here (GET /me
  // says so until a change succeeds): the generated admin is left alone for the other
  // journeys; the UI must drop the banner from the PATCH's answer.
  let pretendGenerated = true;
  await page.route("**/api/v1/me", async (route) => {
    const method = route.request().method();
    if (method === "GET" && pretendGenerated) {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), password_change_required: true } });
    } else if (method === "PATCH") {
      const res = await route.fetch();
      if (res.ok()) pretendGenerated = false;
      await route.fulfill({ response: res });
    } else {
      await route.continue();
    }
  });
  await page.reload();
  const banner = page.getByText("You are still using the generated admin password");
  await visible(banner);

  // A weak one and a wrong current one are refused beside their fields.
  const passwordRegion = page.getByRole("region", { name: "Password", exact: true });
  const current_ = passwordRegion.getByLabel("Current password");
  const next = passwordRegion.getByLabel("New password", { exact: true });
  const repeat = passwordRegion.getByLabel("Repeat the new password");
  const change = passwordRegion.getByRole("button", { name: "Change password" });
  await current_.fill(user.password);
  await next.fill("short");
  await repeat.fill("short");
  await change.click();
  await visible(passwordRegion.getByText("at least 8 characters"));
  await expectFocus(page, "new_password", "focus on the weak new password");
  await current_.fill("not my current password");
  await next.fill(newPassword);
  await repeat.fill(newPassword);
  await change.click();
  await visible(passwordRegion.getByText("This is not your current password."));
  await expectFocus(page, "current_password", "focus on the wrong current password");
  await current_.fill(user.password);
  await change.click();
  await visible(passwordRegion.getByText("Password changed."));
  assertEqual(await banner.count(), 0, "the banner is gone once the password is changed");
  await page.unroute("**/api/v1/me");
  assertEqual(await current_.inputValue(), "", "the form is emptied");

  // Log in with the new password and a recovery code (the TOTP codes of now are used).
  await logOut();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(newPassword);
  await logIn.click();
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]);
  await verify.click();
  await atPath(page, "/");
  await toSettings();

  // Turn 2FA off as someone who lost the phone: with another recovery code.
  const off = page.getByRole("region", { name: "Two-factor authentication" });
  await off.getByRole("button", { name: "Turn off two-factor authentication…" }).click();
  await off.getByLabel("Your password").fill(newPassword);
  await off.getByLabel("Code from the app, or a recovery code").fill(codes[1]);
  await off.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  await visible(off.getByRole("button", { name: "Set up two-factor authentication" }));
  assertEqual((await apiCall(context, baseURL, "GET", "/api/v1/me")).two_factor_enabled, false, "2FA is off");

  // The key status counts again on request (the TOTP secret came and went).
  const after = (await apiCall(context, baseURL, "GET", "/api/v1/keys")).keys.find((k) => k.current);
  await keys.getByRole("button", { name: "Count again" }).click();
  const afterRow = keys.getByRole("row").filter({ hasText: after.kid });
  await visible(afterRow.getByRole("cell", { name: after.values.toLocaleString("en-GB"), exact: true }));
  await logOut();
}


// At 375 px the page itself never scrolls sideways (tables scroll in their region).
async function fitsAPhone(page, what) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize(size);
  assert(width <= 375, `${what} is ${width} px wide at 375 px`);
}
