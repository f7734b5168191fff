// A modal dialog on the native <dialog>: the page behind is inert, Tab stays inside,
// Esc (or the Close button) calls onClose, and focus returns to where it was.
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  // Buttons at the bottom; without them a "Close" button is shown.
  actions?: ComponentChildren;
  // "alertdialog" for confirmations.
  role?: "dialog" | "alertdialog";
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog(props: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      returnTo.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>("[autofocus]") ?? dialog.querySelector<HTMLElement>(focusable);
      first?.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  }, [props.open]);

  // When the dialog goes away (closed or unmounted), focus goes back.
  useEffect(() => {
    if (props.open) return;
    const target = returnTo.current;
    returnTo.current = null;
    if (target && document.contains(target)) target.focus();
  }, [props.open]);

  // Unmounted while open: focus goes back too.
  useEffect(
    () => () => {
      const target = returnTo.current;
      if (target && document.contains(target)) target.focus();
    },
    [],
  );

  const keydown = (e: KeyboardEvent) => {
    if (e.key !== "Tab" || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      class="dialog"
      role={props.role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(e) => {
        // Esc: the owner decides (it may keep the dialog open while saving).
        e.preventDefault();
        onClose.current();
      }}
      onKeyDown={keydown}
    >
      {props.open ? (
        <>
          <h2 id={titleId}>{props.title}</h2>
          <div class="dialog-body">{props.children}</div>
          <div class="dialog-actions">
            {props.actions ?? (
              <button type="button" onClick={() => onClose.current()}>
                Close
              </button>
            )}
          </div>
        </>
      ) : null}
    </dialog>
  );
}
