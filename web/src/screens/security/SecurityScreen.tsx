// Security events. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function SecurityScreen(_props: ScreenProps) {
  return (
    <Screen title="Security events">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
