// An action that asks first, in the page itself (no confirm()): the asking button, then a named group with the
// question, the confirm button and the safe choice. Focus follows the step, so a keyboard user is never left
// on a button that disappeared, and Escape is the safe choice too.
import { useEffect, useRef, type ButtonHTMLAttributes, type KeyboardEvent } from 'react';

export interface ConfirmStepProps {
  /** Whether the question is shown; the caller holds it (e.g. so only one row asks at a time). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Visible text of the asking button, and its other attributes (accessible name, description, class). */
  ask: string;
  askProps?: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick' | 'disabled'>;
  /** Accessible name of the group the question and its buttons form. */
  label: string;
  question: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  /** While the action runs: every button disabled. */
  busy?: boolean;
  /** The action is not possible now (the server would refuse it): the confirm button is disabled. */
  confirmDisabled?: boolean;
  /** The asking and confirm buttons in the danger style (removing or undoing something for good). */
  danger?: boolean;
}

export function ConfirmStep({ open, onOpenChange, ask, askProps, label, question, confirm, cancel, onConfirm, busy = false, confirmDisabled = false, danger = false }: ConfirmStepProps) {
  const askRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // The safe choice gets focus, so Enter does not confirm by accident; cancelling returns to the asking button.
    if (open) cancelRef.current?.focus();
    else if (asked.current) askRef.current?.focus();
    asked.current = open;
  }, [open]);
  const dangerClass = danger ? 'danger' : undefined;

  if (!open) {
    return (
      <button type="button" ref={askRef} className={dangerClass} {...askProps} onClick={() => onOpenChange(true)} disabled={busy}>
        {ask}
      </button>
    );
  }
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || busy) return;
    e.stopPropagation();
    onOpenChange(false);
  };
  return (
    <span role="group" aria-label={label} className="confirm-step">
      <span>{`${question} `}</span>
      <button type="button" className={dangerClass} onClick={onConfirm} onKeyDown={escape} disabled={busy || confirmDisabled}>
        {confirm}
      </button>
      <button type="button" ref={cancelRef} onClick={() => onOpenChange(false)} onKeyDown={escape} disabled={busy}>
        {cancel}
      </button>
    </span>
  );
}
