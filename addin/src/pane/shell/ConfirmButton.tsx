import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useState } from 'react';

/**
 * An action that cannot be undone from the pane (removing a claim, withdrawing a draft): the
 * press asks in a dialog, which fits the pane at any width, and only its confirm button acts.
 * `label` names what it acts on, as the button's accessible name (every row's button reads
 * the same) and in the dialog.
 */
export function ConfirmButton({
  text,
  label,
  question,
  confirm,
  cancel,
  disabled,
  onConfirm,
}: {
  text: string;
  label: string;
  question: string;
  confirm: string;
  cancel: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" aria-label={label} disabled={disabled} onClick={() => setOpen(true)}>
        {text}
      </Button>
      <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{question}</DialogTitle>
            <DialogContent>{label}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setOpen(false);
                  onConfirm();
                }}
              >
                {confirm}
              </Button>
              <Button onClick={() => setOpen(false)}>{cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
