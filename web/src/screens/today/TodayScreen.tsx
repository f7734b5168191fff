// Today (home). Built by a later part of issue 13; until then it says so.
import { Screen } from "../../components";

export function TodayScreen() {
  return (
    <Screen title="Today">
      <p class="placeholder">Coming: per persona, its local time, proxy health, posts against limits and the next post due.</p>
    </Screen>
  );
}
