import { type ReactNode, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { asApiError } from '../api.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert } from './Status.tsx';

interface ConfirmDialogProps {
  /** The label of the button that opens the dialog. */
  trigger: ReactNode;
  triggerVariant?: 'secondary' | 'danger' | 'link';
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
}

/** Asks before doing something that cannot simply be undone; shows the server's answer when it fails. */
export function ConfirmDialog({
  trigger,
  triggerVariant = 'secondary',
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
}: ConfirmDialogProps) {
  const t = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <DialogTrigger onOpenChange={() => setError(null)}>
      <Button className={`button button-${triggerVariant}`}>{trigger}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-title">
                  {title}
                </Heading>
                <div className="dialog-body">{children}</div>
                <ErrorAlert message={error} />
                <div className="actions">
                  <Button
                    className={`button ${danger ? 'button-danger' : 'button-primary'}`}
                    isPending={pending}
                    onPress={async () => {
                      setPending(true);
                      setError(null);
                      try {
                        await onConfirm();
                        close();
                      } catch (e) {
                        setError(asApiError(e).title);
                      } finally {
                        setPending(false);
                      }
                    }}
                  >
                    {confirmLabel}
                  </Button>
                  <Button className="button button-secondary" onPress={close} autoFocus>
                    {t('form.cancel')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
