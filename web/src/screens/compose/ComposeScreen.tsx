// New post. Being built for issue 14.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function ComposeScreen(_props: ScreenProps) {
  return (
    <Screen title="New post">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
