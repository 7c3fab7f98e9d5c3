import { type Ref, useState } from 'react';
import { Button, Heading } from 'react-aria-components';
import {
  CONTACT_FREQUENCIES,
  CONTACT_MODES,
  CONTACT_WISHES,
  type EcogramMember,
  type EcogramTie,
  HELPER_LOADS,
  RINGS,
  type Ring,
  SECTORS,
  type Sector,
  SUPPORT_KINDS,
  TIE_QUALITIES,
} from '../../../contracts/networks.ts';
import { CheckboxField } from '../../components/fields.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useT } from '../../i18n.ts';
import { CheckboxChoices, RadioChoice } from './choiceFields.tsx';
import { DraftTextField } from './DraftTextField.tsx';
import type { Ecogram, MemberPatch, Placement, TiePatch } from './ecogramEditing.ts';
import { clientTieOf, defaultTie } from './ecogramEditing.ts';

interface MemberDetailsProps {
  member: EcogramMember;
  ecogram: Ecogram;
  clientLabel: string;
  readOnly: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onChangeMember: (patch: MemberPatch) => void;
  onPlace: (placement: Placement) => void;
  onChangeTie: (patch: TiePatch) => void;
  onLink: (otherId: string) => void;
  onUnlink: (tieId: string) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** Everything about one member and their tie with the person, beside (or under) the drawing. */
export function MemberDetails(props: MemberDetailsProps) {
  const { member, ecogram, clientLabel, readOnly } = props;
  const t = useT();
  const k = 'networks.ecogram';
  // An older map may lack the tie; showing the defaults lets the first change create it.
  const tie: EcogramTie = clientTieOf(ecogram, member.id) ?? defaultTie('new', 'client', member.id);
  const names = { label: member.label, client: clientLabel };
  const options = <V extends string>(values: readonly V[], group: string) =>
    values.map((id) => ({ id, label: t(`${k}.${group}.${id}`) }));

  return (
    <section className="eco-panel eco-details" aria-labelledby={`eco-details-${member.id}`}>
      <div className="eco-panel-head">
        <Heading level={3} id={`eco-details-${member.id}`} ref={props.headingRef} tabIndex={-1}>
          {t(`${k}.details.title`, names)}
        </Heading>
        <Button className="button button-secondary" onPress={props.onClose}>
          {t(`${k}.details.close`)}
        </Button>
      </div>

      <fieldset className="eco-fieldset">
        <legend className="eco-legend-title">{t(`${k}.details.person`)}</legend>
        <DraftTextField
          label={t(`${k}.details.name`)}
          value={member.label}
          maxLength={100}
          allowEmpty={false}
          isReadOnly={readOnly}
          onCommit={(label) => props.onChangeMember({ label })}
        />
        <DraftTextField
          label={t(`${k}.details.relation`, names)}
          value={member.relation ?? ''}
          maxLength={100}
          isReadOnly={readOnly}
          onCommit={(relation) => props.onChangeMember({ relation })}
        />
        <div className="field">
          <CheckboxField
            isSelected={member.formal}
            isDisabled={readOnly}
            onChange={(formal) => props.onChangeMember({ formal })}
          >
            {t(`${k}.details.formal`)}
          </CheckboxField>
        </div>
        <SelectField
          label={t(`${k}.details.sector`)}
          options={options<Sector>(SECTORS, 'sector')}
          value={member.sector}
          isDisabled={readOnly}
          onChange={(sector) => props.onPlace({ sector: sector as Sector, ring: member.ring })}
        />
        <RadioChoice<`${Ring}`>
          label={t(`${k}.details.ring`)}
          options={RINGS.map((r) => ({ id: `${r}` as const, label: t(`${k}.ringChoice.${r}`) }))}
          value={`${member.ring}`}
          isDisabled={readOnly}
          onChange={(ring) =>
            props.onPlace({ sector: member.sector, ring: Number(ring) as Ring, angle: member.angle })
          }
        />
      </fieldset>

      <fieldset className="eco-fieldset">
        <legend className="eco-legend-title">{t(`${k}.details.contact`, names)}</legend>
        <SelectField
          label={t(`${k}.details.frequency`)}
          options={options(CONTACT_FREQUENCIES, 'frequency')}
          value={tie.frequency}
          isDisabled={readOnly}
          onChange={(frequency) => props.onChangeTie({ frequency: frequency as EcogramTie['frequency'] })}
        />
        <CheckboxChoices
          label={t(`${k}.details.modes`)}
          options={options(CONTACT_MODES, 'mode')}
          value={tie.modes}
          isDisabled={readOnly}
          onChange={(modes) => props.onChangeTie({ modes })}
        />
        <CheckboxChoices
          label={t(`${k}.details.supportReceived`, names)}
          options={options(SUPPORT_KINDS, 'support')}
          value={tie.supportReceived}
          isDisabled={readOnly}
          onChange={(supportReceived) => props.onChangeTie({ supportReceived })}
        />
        <CheckboxChoices
          label={t(`${k}.details.supportGiven`, names)}
          options={options(SUPPORT_KINDS, 'support')}
          value={tie.supportGiven}
          isDisabled={readOnly}
          onChange={(supportGiven) => props.onChangeTie({ supportGiven })}
        />
        <RadioChoice
          label={t(`${k}.details.quality`)}
          options={options(TIE_QUALITIES, 'quality')}
          value={tie.quality}
          isDisabled={readOnly}
          onChange={(quality) => props.onChangeTie({ quality })}
        />
        <RadioChoice
          label={t(`${k}.details.load`, names)}
          options={options(HELPER_LOADS, 'load')}
          value={tie.load}
          isDisabled={readOnly}
          onChange={(load) => props.onChangeTie({ load })}
        />
        <RadioChoice
          label={t(`${k}.details.wish`, names)}
          options={options(CONTACT_WISHES, 'wish')}
          value={tie.wish}
          isDisabled={readOnly}
          onChange={(wish) => props.onChangeTie({ wish })}
        />
        <DraftTextField
          label={t(`${k}.details.note`)}
          value={tie.note ?? ''}
          maxLength={300}
          multiline
          isReadOnly={readOnly}
          onCommit={(note) => props.onChangeTie({ note })}
        />
      </fieldset>

      <MemberLinks {...props} />

      {readOnly ? null : (
        <div className="actions">
          <Button className="button button-danger" onPress={props.onRemove}>
            {t(`${k}.remove.button`)}
          </Button>
        </div>
      )}
    </section>
  );
}

/** Ties between this member and other members: kept minimal, a link or none. */
function MemberLinks({ member, ecogram, readOnly, onLink, onUnlink }: MemberDetailsProps) {
  const t = useT();
  const [choice, setChoice] = useState<string | null>(null);
  const byId = new Map(ecogram.members.map((m) => [m.id, m]));
  const links = ecogram.ties
    .filter((tie) => tie.from === member.id || tie.to === member.id)
    .map((tie) => ({ tie, other: byId.get(tie.from === member.id ? tie.to : tie.from) }))
    .filter((l): l is { tie: EcogramTie; other: EcogramMember } => Boolean(l.other));
  const linked = new Set(links.map((l) => l.other.id));
  const candidates = ecogram.members
    .filter((m) => m.id !== member.id && !linked.has(m.id))
    .map((m) => ({ id: m.id, label: m.label }));
  return (
    <fieldset className="eco-fieldset">
      <legend className="eco-legend-title">{t('networks.ecogram.details.links')}</legend>
      {links.length === 0 ? (
        <p className="muted">{t('networks.ecogram.details.noLinks')}</p>
      ) : (
        <ul className="eco-links">
          {links.map(({ tie, other }) => (
            <li key={tie.id}>
              <span>{other.label}</span>
              {readOnly ? null : (
                <Button
                  className="button button-quiet"
                  aria-label={t('networks.ecogram.details.linkRemove', { label: other.label })}
                  onPress={() => onUnlink(tie.id)}
                >
                  ✕
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly || candidates.length === 0 ? null : (
        <div className="eco-link-add">
          <SelectField
            label={t('networks.ecogram.details.linkWith')}
            options={candidates}
            placeholder={t('form.choose')}
            value={choice}
            onChange={setChoice}
          />
          <Button
            className="button button-secondary"
            isDisabled={!choice}
            onPress={() => {
              if (choice) onLink(choice);
              setChoice(null);
            }}
          >
            {t('networks.ecogram.details.linkAdd')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
