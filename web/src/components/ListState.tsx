// The three states every list has besides its content: loading, failed (with Retry),
// and empty. Renders `children` only when there is something to show.
import type { ComponentChildren } from "preact";
import { describeError } from "../api/client";

export interface ListStateProps {
  loading: boolean;
  error: unknown;
  empty: boolean;
  // What the empty state says ("No personas yet."), and what it may offer.
  emptyText: ComponentChildren;
  onRetry?: () => void;
  children?: ComponentChildren;
}

export function ListState(props: ListStateProps) {
  if (props.error) {
    return (
      <div class="list-state list-error" role="alert">
        <p>Could not load: {describeError(props.error)}</p>
        {props.onRetry ? (
          <button type="button" onClick={props.onRetry}>
            Retry
          </button>
        ) : null}
      </div>
    );
  }
  if (props.loading && props.empty) {
    return (
      <p class="list-state" role="status">
        Loading…
      </p>
    );
  }
  if (props.empty) return <div class="list-state list-empty">{props.emptyText}</div>;
  return <>{props.children}</>;
}
