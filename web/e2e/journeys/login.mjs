// Login and logout: a deep link asks for the login and returns to itself afterwards; a
// wrong password is told beside the field; the generated admin password raises the
// banner; a throttled login says when to try again. (The 2FA step is exercised by the
// Settings journey, which enrols a code first.)
import { assert, assertEqual, atPath, expectFocus, visible } from "../harness.mjs";

export async function run({ page, operator, admin, screen }) {
  // A deep link while logged out leads to the login, remembering where it was going.
  await page.goto("/personas/some-id");
  await atPath(page, "/login?next=%2Fpersonas%2Fsome-id");
  await visible(page.getByRole("heading", { name: "Log in to Persona" }));
  await screen("login");

  // Wrong password: the message beside the password field, which gets the focus.
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await visible(page.getByText("Invalid email or password."));
  const password = page.getByLabel("Password");
  assertEqual(await password.getAttribute("aria-invalid"), "true", "the password field is marked invalid");
  const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
  const errorText = await page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent();
  assertEqual(errorText, "Invalid email or password.", "the error is the field's description");
  await expectFocus(page, "password", "focus moves to the invalid field");
  await screen("login-error");

  // The right password lands where the deep link pointed.
  await password.fill(operator.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/personas/some-id");
  await visible(page.getByRole("heading", { name: "Persona", exact: true }));
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Today", "Personas", "Proxies", "Sessions", "Activity", "Security", "Settings"]) {
    await visible(nav.getByRole("link", { name: item, exact: true }));
  }
  assertEqual(await nav.getByRole("link", { name: "Personas" }).getAttribute("aria-current"), "page", "Personas is current");
  assert((await page.getByText("generated admin password").count()) === 0, "no banner for an ordinary user");

  // The client routes reload fine, and the home route is Today.
  await page.reload();
  await visible(page.getByRole("heading", { name: "Persona", exact: true }));
  await nav.getByRole("link", { name: "Today" }).click();
  await atPath(page, "/");
  await visible(page.getByRole("heading", { name: "Today" }));
  await screen("home");

  // Keyboard: the first Tab shows the skip link, which moves focus to the main landmark.
  await page.reload();
  await visible(page.getByRole("heading", { name: "Today" }));
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  assert(await skip.evaluate((el) => el === document.activeElement), "the skip link comes first");
  assert((await skip.boundingBox())?.y >= 0, "the focused skip link is on screen");
  await page.keyboard.press("Enter");
  assertEqual(await page.evaluate(() => document.activeElement?.id), "main", "focus is on the main landmark");

  // Logout ends the session: the UI goes to the login, and so does any later visit.
  await page.getByRole("button", { name: "Log out" }).click();
  await atPath(page, "/login");
  await visible(page.getByRole("heading", { name: "Log in to Persona" }));
  await page.goto("/settings");
  await atPath(page, "/login?next=%2Fsettings");

  // The admin made by the first serve still has its generated password: a banner says
  // so and links to Settings.
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/settings");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
  const banner = page.getByRole("status").filter({ hasText: "generated admin password" });
  await visible(banner);
  await screen("home-banner");
  await banner.getByRole("link", { name: "Change it in Settings" }).click();
  await atPath(page, "/settings");
  await page.getByRole("button", { name: "Log out" }).click();
  await atPath(page, "/login");

  // Five failures for one account, then the throttle's answer with its retry time. An
  // unknown address is throttled like any other (and spends 6 of the client address's
  // 20 failures per 15 minutes: journeys after this one should not fail logins much).
  await page.getByLabel("Email").fill("nobody@example.com");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Password").fill(`wrong ${i}`);
    await page.getByRole("button", { name: "Log in" }).click();
    // Answered: the button is back, or the wait is announced.
    await page.waitForFunction(
      () =>
        document.body.textContent?.includes("Too many failed logins") ||
        (document.querySelector('button[type="submit"]')?.textContent === "Log in" &&
          !document.querySelector('button[type="submit"]')?.hasAttribute("disabled")),
    );
  }
  const wait = page.getByRole("alert").filter({ hasText: "Too many failed logins" });
  await visible(wait);
  const text = (await wait.textContent()) ?? "";
  assert(/Try again in \d+:\d\d \(at \d\d:\d\d \S+\)/.test(text), `the retry time is shown with its zone: "${text}"`);
  assert(await page.getByRole("button", { name: "Log in" }).isDisabled(), "no retry before the time");
  await screen("login-throttled");
}
