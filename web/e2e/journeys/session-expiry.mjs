// A session that ends while the UI is open (here: logged out from elsewhere): the next
// screen's request is refused, the UI asks for the login, and then returns to that screen.
import { apiCall, atPath, visible } from "../harness.mjs";

export async function run({ page, context, server, baseURL }) {
  const user = { email: "expiry-journey@example.com", password: "expiry journey password" };
  server.persona(["user", "add", "--email", user.email, "--password-stdin"], user.password);
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Proxies" }).click();
  await visible(page.getByRole("heading", { name: "Proxies" }));
  // Its own requests done first: one refused after the logout would go to the login too.
  await page.waitForLoadState("networkidle");

  // The server forgets the session (the cookie is the page's own).
  await apiCall(context, baseURL, "POST", "/api/v1/auth/logout");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
  await atPath(page, "/login?next=%2Fsessions");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await atPath(page, "/sessions");
  await visible(page.getByRole("heading", { name: "Sessions" }));
}
