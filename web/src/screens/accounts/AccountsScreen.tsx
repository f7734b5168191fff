// Platform accounts. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function AccountsScreen(_props: ScreenProps) {
  return (
    <Screen title="Platform accounts">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
