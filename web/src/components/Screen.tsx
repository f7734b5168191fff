// The frame of every screen: its <h1> (which takes focus after a navigation, so screen
// readers announce the new screen), the document title, and optional actions beside
// the heading.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { navigations } from "../lib/router";

export interface ScreenProps {
  title: string;
  actions?: ComponentChildren;
  children?: ComponentChildren;
}

export function Screen(props: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Persona`;
  }, [props.title]);
  useEffect(() => {
    if (navigations.peek() > 0) heading.current?.focus();
  }, []);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <div class="screen-head">
        <h1 id="screen-title" ref={heading} tabIndex={-1}>
          {props.title}
        </h1>
        {props.actions ? <div class="screen-actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </section>
  );
}
