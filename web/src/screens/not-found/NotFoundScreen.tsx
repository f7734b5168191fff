import { Link, Screen } from "../../components";

export function NotFoundScreen() {
  return (
    <Screen title="Not found">
      <p>
        Nothing lives at this address. <Link href="/">Go to Today</Link>.
      </p>
    </Screen>
  );
}
