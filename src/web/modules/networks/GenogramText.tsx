import { Button } from 'react-aria-components';
import type { GenogramPerson } from '../../../contracts/networks.ts';
import { useT } from '../../i18n.ts';
import {
  type Genogram,
  relativesOf,
  removeBond,
  removeParentage,
  removePartnership,
} from './genogramEditing.ts';

function nameOf(genogram: Genogram, id: string) {
  return genogram.people.find((p) => p.id === id)?.label ?? id;
}

/** The drawing in words, person by person: what a screen reader user or a printout without colour needs. */
export function GenogramTextList({
  genogram,
  describe,
}: {
  genogram: Genogram;
  describe: (person: GenogramPerson) => string;
}) {
  const t = useT();
  if (genogram.people.length === 0) return null;
  const names = (ids: string[]) => ids.map((id) => nameOf(genogram, id)).join(', ');
  return (
    <section className="genogram-text" aria-labelledby="genogram-text-title">
      <h2 id="genogram-text-title" className="networks-subtitle">
        {t('networks.genogram.textTitle')}
      </h2>
      <ul className="networks-text-list">
        {genogram.people.map((person) => {
          const r = relativesOf(genogram, person.id);
          const lines: string[] = [];
          for (const p of r.parentage)
            lines.push(t(`networks.genogram.text.parents_${p.kind}`, { names: names(p.parents) }));
          for (const p of r.partnerships)
            lines.push(
              t(`networks.genogram.text.partner_${p.status}`, {
                name: nameOf(genogram, p.a === person.id ? p.b : p.a),
              }),
            );
          const children = r.childLines.map((p) => p.child);
          if (children.length > 0)
            lines.push(t('networks.genogram.text.children', { names: names(children) }));
          if (r.siblings.length > 0)
            lines.push(t('networks.genogram.text.siblings', { names: names(r.siblings) }));
          for (const b of r.bonds)
            lines.push(
              t(`networks.genogram.text.bond_${b.kind}`, {
                name: nameOf(genogram, b.a === person.id ? b.b : b.a),
              }),
            );
          return (
            <li key={person.id}>
              <strong>{describe(person)}</strong>
              {lines.length > 0 ? `. ${lines.join('. ')}.` : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The lines from and to the selected person, each removable. */
export function PersonRelations({
  genogram,
  personId,
  onChange,
}: {
  genogram: Genogram;
  personId: string;
  onChange: (next: Genogram, message: string) => void;
}) {
  const t = useT();
  const r = relativesOf(genogram, personId);
  const items: { key: string; text: string; remove: () => Genogram }[] = [
    ...r.parentage.map((p) => ({
      key: p.id,
      text: t(`networks.genogram.text.parents_${p.kind}`, {
        names: p.parents.map((id) => nameOf(genogram, id)).join(', '),
      }),
      remove: () => removeParentage(genogram, p.id),
    })),
    ...r.childLines.map((p) => ({
      key: p.id,
      text: t(`networks.genogram.text.child_${p.kind}`, { name: nameOf(genogram, p.child) }),
      remove: () => removeParentage(genogram, p.id),
    })),
    ...r.partnerships.map((p) => ({
      key: p.id,
      text: t(`networks.genogram.text.partner_${p.status}`, {
        name: nameOf(genogram, p.a === personId ? p.b : p.a),
      }),
      remove: () => removePartnership(genogram, p.id),
    })),
    ...r.bonds.map((b) => ({
      key: b.id,
      text: t(`networks.genogram.text.bond_${b.kind}`, {
        name: nameOf(genogram, b.a === personId ? b.b : b.a),
      }),
      remove: () => removeBond(genogram, b.id),
    })),
  ];
  if (items.length === 0) return null;
  return (
    <div className="genogram-relations">
      <h3 className="networks-minor-title">{t('networks.genogram.relationsTitle')}</h3>
      <ul className="networks-remove-list">
        {items.map((item) => (
          <li key={item.key}>
            <span>{item.text}</span>
            <Button
              className="button button-quiet"
              aria-label={t('networks.genogram.removeLine', { line: item.text })}
              onPress={() =>
                onChange(item.remove(), t('networks.genogram.done.lineRemoved', { line: item.text }))
              }
            >
              {t('networks.genogram.removeShort')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
