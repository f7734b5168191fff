// Templates. Being built for issue 14.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function TemplatesScreen(_props: ScreenProps) {
  return (
    <Screen title="Templates">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
