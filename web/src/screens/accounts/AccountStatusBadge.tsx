// An account's status as a badge, and "Not in use" beside it when it is switched off.
import { type Account } from "./account-form";
import { capitalised } from "../../lib/text";

export function AccountStatusBadge({ account }: { account: Account }) {
  return (
    <span class="account-status">
      <span class={`status-badge status-${account.account_status}`}>{capitalised(account.account_status)}</span>
      {account.is_active ? null : <span class="status-badge status-inactive">Not in use</span>}
    </span>
  );
}
