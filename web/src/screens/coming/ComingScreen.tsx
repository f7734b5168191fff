// The stand-in for a screen not built yet (issue 13 fills them in).
import { Screen } from "../../components";

export function comingScreen(title: string) {
  return function ComingScreen() {
    return (
      <Screen title={title}>
        <p class="placeholder">This screen is not built yet.</p>
      </Screen>
    );
  };
}
