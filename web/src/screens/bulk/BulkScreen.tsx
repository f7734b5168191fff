// Import and export posts. Being built for issue 14.
import { Screen } from "../../components";
import type { ScreenProps } from "../../routes";

export function BulkScreen(_props: ScreenProps) {
  return (
    <Screen title="Import and export posts">
      <p class="placeholder">This screen is not built yet.</p>
    </Screen>
  );
}
