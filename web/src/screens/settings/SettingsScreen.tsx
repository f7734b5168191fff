// Settings. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function SettingsScreen(_props: ScreenProps) {
  return (
    <Screen title="Settings">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
