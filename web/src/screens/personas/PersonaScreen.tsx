// Persona. Being built for issue 13.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function PersonaScreen(_props: ScreenProps) {
  return (
    <Screen title="Persona">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
