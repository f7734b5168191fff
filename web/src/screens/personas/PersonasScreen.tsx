// Personas. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function PersonasScreen(_props: ScreenProps) {
  return (
    <Screen title="Personas">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
