// A button for a destructive action that asks first: a dialog says what will happen,
// Cancel (focused first) keeps everything, the confirm button runs `onConfirm`. An
// error from it is shown in the dialog, which stays open.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { describeError } from "../api/client";
import { Dialog } from "./Dialog";

export interface ConfirmButtonProps {
  // The button's text ("Delete token").
  children: ComponentChildren;
  // The dialog's title; defaults to the button's text when that is a string.
  title?: string;
  // What will happen ("Scripts using this token stop working at once.").
  message: ComponentChildren;
  // The confirming button's text ("Delete").
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  // A more specific accessible name for the button when several stand in one list.
  ariaLabel?: string;
  danger?: boolean;
  disabled?: boolean;
}

export function ConfirmButton(props: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const danger = props.danger ?? true;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    if (!busy) setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        class={danger ? "danger" : undefined}
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {props.children}
      </button>
      <Dialog
        open={open}
        role="alertdialog"
        title={props.title ?? (typeof props.children === "string" ? props.children : "Are you sure?")}
        onClose={close}
        actions={
          <>
            <button type="button" autoFocus onClick={close} disabled={busy}>
              Cancel
            </button>
            <button type="button" class={danger ? "danger" : "primary"} onClick={confirm} disabled={busy}>
              {props.confirmLabel}
            </button>
          </>
        }
      >
        <p>{props.message}</p>
        {error ? (
          <p class="form-problem" role="alert">
            {error}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
