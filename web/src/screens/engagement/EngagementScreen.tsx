// Engagement. Being built for issue 14.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function EngagementScreen(_props: ScreenProps) {
  return (
    <Screen title="Engagement">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
