// Sessions. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function SessionsScreen(_props: ScreenProps) {
  return (
    <Screen title="Sessions">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
