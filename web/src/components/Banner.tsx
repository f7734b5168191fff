// A notice across the top of the screens: "warning" for what the user should act on.
import type { ComponentChildren } from "preact";

export function Banner(props: { kind?: "info" | "warning"; children: ComponentChildren }) {
  return (
    <div class={`banner banner-${props.kind ?? "info"}`} role="status">
      {props.children}
    </div>
  );
}
