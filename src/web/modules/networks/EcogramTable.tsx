import { useId } from 'react';
import { Button, Heading } from 'react-aria-components';
import { CLIENT_NODE, type EcogramMember } from '../../../contracts/networks.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { type T, useT } from '../../i18n.ts';
import { clientTieOf, type Ecogram } from './ecogramEditing.ts';

function list(t: T, group: string, values: readonly string[]): string {
  return values.map((v) => t(`networks.ecogram.${group}.${v}`)).join(', ');
}

/**
 * The map in words: everything the drawing shows, for screen readers and for anyone who
 * prefers a list. Each name opens the same details as tapping the member in the drawing.
 */
export function EcogramTable({
  ecogram,
  clientLabel,
  onOpen,
}: {
  ecogram: Ecogram;
  clientLabel: string;
  onOpen: (memberId: string) => void;
}) {
  const t = useT();
  const k = 'networks.ecogram';
  const titleId = useId();
  const byId = new Map(ecogram.members.map((m) => [m.id, m]));
  const linksOf = (member: EcogramMember) =>
    ecogram.ties
      .filter((tie) => tie.from !== CLIENT_NODE && (tie.from === member.id || tie.to === member.id))
      .map((tie) => byId.get(tie.from === member.id ? tie.to : tie.from)?.label)
      .filter((label): label is string => Boolean(label));

  return (
    <section className="eco-table" aria-labelledby={titleId}>
      <Heading level={3} id={titleId}>
        {t(`${k}.table.title`)}
      </Heading>
      {ecogram.members.length === 0 ? (
        <p className="empty">{t(`${k}.table.empty`)}</p>
      ) : (
        <TableScroll label={t(`${k}.table.scroll`)}>
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t(`${k}.table.person`)}</th>
                <th scope="col">{t(`${k}.table.place`)}</th>
                <th scope="col">{t(`${k}.table.contact`)}</th>
                <th scope="col">{t(`${k}.table.support`)}</th>
                <th scope="col">{t(`${k}.table.tie`)}</th>
              </tr>
            </thead>
            <tbody>
              {ecogram.members.map((member) => {
                const tie = clientTieOf(ecogram, member.id);
                const links = linksOf(member);
                return (
                  <tr key={member.id}>
                    <th scope="row">
                      <Button
                        className="button button-link eco-table-name"
                        aria-label={t(`${k}.table.details`, { label: member.label })}
                        onPress={() => onOpen(member.id)}
                      >
                        {member.label}
                      </Button>
                      <span className="cell-sub">
                        {[member.relation, t(`${k}.kind.${member.formal ? 'formal' : 'informal'}`)]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </th>
                    <td>
                      {t(`${k}.sector.${member.sector}`)}
                      <span className="cell-sub">{t(`${k}.ring.${member.ring}`)}</span>
                    </td>
                    <td>
                      {tie ? t(`${k}.frequency.${tie.frequency}`) : t(`${k}.table.noContact`)}
                      {tie && tie.modes.length > 0 ? (
                        <span className="cell-sub">{list(t, 'mode', tie.modes)}</span>
                      ) : null}
                    </td>
                    <td>
                      {tie && (tie.supportReceived.length > 0 || tie.supportGiven.length > 0) ? (
                        <>
                          {tie.supportReceived.length > 0 ? (
                            <span className="eco-cell-line">
                              {t(`${k}.table.toClient`, {
                                client: clientLabel,
                                list: list(t, 'supportShort', tie.supportReceived),
                              })}
                            </span>
                          ) : null}
                          {tie.supportGiven.length > 0 ? (
                            <span className="eco-cell-line">
                              {t(`${k}.table.fromClient`, {
                                client: clientLabel,
                                list: list(t, 'supportShort', tie.supportGiven),
                              })}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">{t(`${k}.table.noSupport`)}</span>
                      )}
                    </td>
                    <td>
                      {tie ? (
                        <>
                          <span className="eco-cell-line">
                            {t(`${k}.table.qualityLoad`, {
                              quality: t(`${k}.quality.${tie.quality}`).toLocaleLowerCase(),
                              load: t(`${k}.load.${tie.load}`).toLocaleLowerCase(),
                            })}
                          </span>
                          <span className="eco-cell-line">
                            {t(`${k}.table.wish`, { wish: t(`${k}.wish.${tie.wish}`).toLocaleLowerCase() })}
                          </span>
                          {tie.note ? <span className="cell-sub">{tie.note}</span> : null}
                        </>
                      ) : null}
                      {links.length > 0 ? (
                        <span className="cell-sub">{t(`${k}.table.links`, { list: links.join(', ') })}</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
