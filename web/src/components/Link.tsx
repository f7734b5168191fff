// An <a> to a path of the UI that navigates without reloading (a modified click, or one
// with another button, is left to the browser: new tab and the like).
import type { JSX } from "preact";
import { navigate } from "../lib/router";

export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, ...rest } = props;
  return (
    <a
      {...rest}
      onClick={(e) => {
        onClick?.(e as JSX.TargetedMouseEvent<HTMLAnchorElement>);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    />
  );
}
