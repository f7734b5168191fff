// Activity log. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function ActivityScreen(_props: ScreenProps) {
  return (
    <Screen title="Activity log">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
