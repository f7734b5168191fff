// One section of Settings: a region landmark named by its heading.
import type { ComponentChildren } from "preact";

// When what had the focus goes away (a panel shown once is closed), the focus goes to
// the heading of its section, after the next render.
export function focusSection(id: string): void {
  requestAnimationFrame(() => document.getElementById(`${id}-title`)?.focus());
}

export function Section(props: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="settings-section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} tabIndex={-1}>
        {props.title}
      </h2>
      {props.intro ? <p class="settings-intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}
