// Platform account. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function AccountScreen(_props: ScreenProps) {
  return (
    <Screen title="Platform account">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
