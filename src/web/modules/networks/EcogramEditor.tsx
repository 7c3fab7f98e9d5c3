import './networks-editors.css';
import './ecogram-drawing.css';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { MAX_MEMBERS, type NetworkMapDocument } from '../../../contracts/networks.ts';
import { nudge } from '../../../modules/networks/networks.layout.ts';
import { useT } from '../../i18n.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { EcogramDrawing, type NudgeDirection } from './EcogramDrawing.tsx';
import { EcogramLegend } from './EcogramLegend.tsx';
import { EcogramTable } from './EcogramTable.tsx';
import {
  addMember,
  addMemberTie,
  type Placement,
  placeMember,
  removeMember,
  removeTie,
  updateClientTie,
  updateMember,
} from './ecogramEditing.ts';
import { LiveMessage, useLiveMessage } from './LiveMessage.tsx';
import { MemberDetails } from './MemberDetails.tsx';

export interface EcogramEditorProps {
  value: NetworkMapDocument['ecogram'];
  onChange: (next: NetworkMapDocument['ecogram']) => void;
  readOnly?: boolean;
  /** How the person at the centre is named in the drawing and the sentences ("Maria"). */
  clientLabel: string;
}

/**
 * The ecogram editor: the drawing (tap, drag, arrow keys), a details panel per member, a form to
 * add someone, and the same map as a table and a legend. The map itself lives with the host
 * page; every edit goes out through onChange as a whole new ecogram.
 */
export function EcogramEditor({ value, onChange, readOnly = false, clientLabel }: EcogramEditorProps) {
  const t = useT();
  const k = 'networks.ecogram';
  const helpId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ to: 'details' | 'member' | 'add'; id?: string } | null>(
    null,
  );
  const { message, announce } = useLiveMessage();

  const memberById = (id: string | null) => (id ? value.members.find((m) => m.id === id) : undefined);
  const selected = memberById(selectedId);
  const removing = memberById(removingId);

  // Focus moves after React has drawn what it moves to (the panel, or the member back in the drawing).
  useEffect(() => {
    if (!focusTarget) return;
    const root = rootRef.current;
    if (focusTarget.to === 'details') detailsHeading.current?.focus();
    else if (focusTarget.to === 'member' && focusTarget.id)
      root?.querySelector<SVGGElement>(`[data-member-id="${focusTarget.id}"]`)?.focus();
    else root?.querySelector<HTMLInputElement>('.eco-add input')?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function describePlace(label: string, placement: Placement, before: Placement) {
    const changed = placement.sector !== before.sector || placement.ring !== before.ring;
    const sector = t(`${k}.sector.${placement.sector}`);
    announce(
      changed
        ? t(`${k}.announce.moved`, { label, sector, ring: t(`${k}.ring.${placement.ring}`) })
        : t(`${k}.announce.shifted`, { label, sector }),
    );
  }

  function place(memberId: string, placement: Placement) {
    const member = memberById(memberId);
    if (!member || readOnly) return;
    onChange(placeMember(value, memberId, placement));
    describePlace(member.label, placement, member);
  }

  function nudgeMember(memberId: string, direction: NudgeDirection) {
    const member = memberById(memberId);
    if (!member) return;
    if (direction === 'in' && member.ring === 1)
      return announce(t(`${k}.announce.closest`, { label: member.label }));
    if (direction === 'out' && member.ring === 3)
      return announce(t(`${k}.announce.farthest`, { label: member.label }));
    const moved = nudge(member, direction);
    place(memberId, { sector: moved.sector, ring: moved.ring, angle: moved.angle });
  }

  function open(memberId: string) {
    setSelectedId(memberId);
    setFocusTarget({ to: 'details' });
  }

  function close() {
    const id = selectedId;
    setSelectedId(null);
    if (id) setFocusTarget({ to: 'member', id });
  }

  function add(input: Parameters<typeof addMember>[1]): boolean {
    if (value.members.length >= MAX_MEMBERS) {
      announce(t(`${k}.announce.full`, { max: MAX_MEMBERS }));
      return false;
    }
    const result = addMember(value, input);
    if (!result.memberId) return false;
    onChange(result.ecogram);
    announce(t(`${k}.announce.added`, { label: input.label.trim() }));
    return true;
  }

  function confirmRemove() {
    if (!removing) return;
    const index = value.members.findIndex((m) => m.id === removing.id);
    const neighbour = value.members[index + 1] ?? value.members[index - 1];
    onChange(removeMember(value, removing.id));
    announce(t(`${k}.announce.removed`, { label: removing.label }));
    if (selectedId === removing.id) setSelectedId(null);
    setRemovingId(null);
    setFocusTarget(neighbour ? { to: 'member', id: neighbour.id } : { to: 'add' });
  }

  return (
    <div className="eco-editor" ref={rootRef}>
      <p id={helpId} className="eco-help">
        {t(readOnly ? `${k}.readOnlyHelp` : `${k}.help`)}
      </p>
      <div className={readOnly && !selected ? 'eco-main eco-main-single' : 'eco-main'}>
        <EcogramDrawing
          ecogram={value}
          clientLabel={clientLabel}
          readOnly={readOnly}
          selectedId={selectedId}
          helpId={helpId}
          onOpen={open}
          onMove={place}
          onNudge={nudgeMember}
          onRequestRemove={setRemovingId}
        />
        <div className="eco-side">
          {selected ? (
            <MemberDetails
              key={selected.id}
              member={selected}
              ecogram={value}
              clientLabel={clientLabel}
              readOnly={readOnly}
              headingRef={detailsHeading}
              onChangeMember={(patch) => onChange(updateMember(value, selected.id, patch))}
              onPlace={(placement) => place(selected.id, placement)}
              onChangeTie={(patch) => onChange(updateClientTie(value, selected.id, patch))}
              onLink={(otherId) => onChange(addMemberTie(value, selected.id, otherId).ecogram)}
              onUnlink={(tieId) => onChange(removeTie(value, tieId))}
              onRemove={() => setRemovingId(selected.id)}
              onClose={close}
            />
          ) : null}
          {readOnly ? null : <AddMemberForm clientLabel={clientLabel} onAdd={add} />}
        </div>
      </div>
      <EcogramLegend clientLabel={clientLabel} />
      <EcogramTable ecogram={value} clientLabel={clientLabel} onOpen={open} />
      <ModalOverlay
        className="modal-overlay"
        isDismissable
        isOpen={Boolean(removing)}
        onOpenChange={(isOpen) => {
          if (!isOpen) setRemovingId(null);
        }}
      >
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            <Heading slot="title" className="dialog-title">
              {t(`${k}.remove.title`, { label: removing?.label ?? '' })}
            </Heading>
            <div className="dialog-body">
              <p>{t(`${k}.remove.body`, { label: removing?.label ?? '', client: clientLabel })}</p>
            </div>
            <div className="actions">
              <Button className="button button-danger" onPress={confirmRemove}>
                {t(`${k}.remove.confirm`)}
              </Button>
              <Button className="button button-secondary" onPress={() => setRemovingId(null)} autoFocus>
                {t('form.cancel')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
      <LiveMessage message={message} />
    </div>
  );
}
