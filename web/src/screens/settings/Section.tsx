// One section of Settings: a region landmark named by its heading.
import type { ComponentChildren } from "preact";

export function Section(props: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="settings-section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro ? <p class="settings-intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}
