// Deleting the account through Settings: the button waits for the email typed out, a
// wrong password is refused beside its field, the right one erases the user (gone from
// `persona user list`) and the browser is back at the login.
import { assert, assertEqual, atPath, expectFocus, visible } from "../harness.mjs";

export async function run({ page, server, screen }) {
  const user = { email: "settings-delete@example.com", password: "delete account journey password" };
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  assert(server.persona(["user", "list"]).includes(user.email), "the user exists at first");

  await page.goto("/settings");
  await atPath(page, "/login?next=%2Fsettings");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/settings");

  const region = page.getByRole("region", { name: "Delete the account" });
  const button = region.getByRole("button", { name: "Delete my account and all its data" });
  const password = region.getByLabel("Your password");
  await visible(button);
  assert(await button.isDisabled(), "nothing to press before the email is typed");
  assert(await password.isDisabled(), "the password comes after the email");

  await region.getByLabel("Type your email to confirm").fill("settings-delete@example.org");
  assert(await button.isDisabled(), "another email does not confirm");
  await region.getByLabel("Type your email to confirm").fill(user.email.toUpperCase());
  assert(await password.isEnabled(), "the typed email (in any case) opens the password");

  // A wrong password: a failed re-authentication, told beside the field.
  await password.fill("not the password at all");
  await button.click();
  await visible(region.getByText("This is not your password."));
  assertEqual(await password.getAttribute("aria-invalid"), "true", "the password is marked invalid");
  await expectFocus(page, "password", "focus moves to the password");
  assert(server.persona(["user", "list"]).includes(user.email), "a wrong password deletes nothing");
  await region.scrollIntoViewIfNeeded();
  await screen("settings-delete-account");

  await password.fill(user.password);
  await button.click();
  await atPath(page, "/login");
  await visible(page.getByRole("heading", { name: "Log in to Persona" }));
  assert(!server.persona(["user", "list"]).includes(user.email), "the user is gone from `persona user list`");

  // The session went with the user: Settings asks for a login again.
  await page.goto("/settings");
  await atPath(page, "/login?next=%2Fsettings");
}

