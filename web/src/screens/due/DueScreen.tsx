// Due now. Being built for issue 14.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function DueScreen(_props: ScreenProps) {
  return (
    <Screen title="Due now">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
