import { useEffect, useState } from 'react';
import { Field } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { Loaded } from '../../components/Status.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { type CompareView, createSnapshot, networkPaths, type SnapshotSummaryView } from './networkApi.ts';

/** Today in Brussels as YYYY-MM-DD: the date a snapshot is usually about. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}

function snapshotName(s: SnapshotSummaryView, t: ReturnType<typeof useT>): string {
  const date = formatDate(s.takenOn);
  return s.label ? t('networks.snapshots.named', { date, label: s.label }) : date;
}

/** Save the map as it is on a date, list the snapshots, and compare two of them (or one with now). */
export function SnapshotsTab({
  clientId,
  dirty,
  savedVersion,
}: {
  clientId: string;
  dirty: boolean;
  savedVersion: number;
  clientLabel: string;
}) {
  const t = useT();
  const paths = networkPaths(clientId);
  const list = useResource<{ items: SnapshotSummaryView[] }>(paths.snapshots);
  const form = useApiForm();
  const [done, setDone] = useState<string | null>(null);
  const canTake = !dirty && savedVersion > 0;

  return (
    <div className="networks-stack">
      <section className="card" aria-labelledby="snapshot-new-title">
        <h2 id="snapshot-new-title" className="networks-subtitle">
          {t('networks.snapshots.newTitle')}
        </h2>
        <p className="field-description">
          {savedVersion === 0
            ? t('networks.snapshots.saveFirstEmpty')
            : dirty
              ? t('networks.snapshots.saveFirst')
              : t('networks.snapshots.newIntro')}
        </p>
        <ApiForm
          form={form}
          className="form networks-form"
          onSubmit={(values, element) =>
            void form.run(async () => {
              const created = await createSnapshot(clientId, {
                takenOn: values.takenOn ?? '',
                ...(values.label?.trim() ? { label: values.label.trim() } : {}),
              });
              element.reset();
              setDone(t('networks.snapshots.saved', { name: snapshotName(created, t) }));
              list.reload();
            })
          }
        >
          <div className="networks-form-row">
            <Field
              label={t('networks.snapshots.date')}
              name="takenOn"
              type="date"
              defaultValue={today()}
              isRequired
            />
            <Field
              label={t('networks.snapshots.label')}
              name="label"
              optional
              maxLength={100}
              description={t('networks.snapshots.labelHint')}
            />
          </div>
          <div className="actions">
            <SubmitButton isDisabled={!canTake} isPending={form.pending}>
              {t('networks.snapshots.take')}
            </SubmitButton>
          </div>
        </ApiForm>
        <p className="networks-done" role="status">
          {done ?? ''}
        </p>
      </section>
      <Loaded resource={list}>
        {(data) => <SnapshotList clientId={clientId} items={data.items} savedVersion={savedVersion} />}
      </Loaded>
    </div>
  );
}

function SnapshotList({
  clientId,
  items,
  savedVersion,
}: {
  clientId: string;
  items: SnapshotSummaryView[];
  savedVersion: number;
}) {
  const t = useT();
  // Newest first, as the server lists them; compare the newest with the one before, or with now.
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const first = items[0]?.id ?? null;
  const second = items[1]?.id ?? null;
  useEffect(() => {
    setFrom(second ?? first);
    setTo(second ? first : 'current');
  }, [first, second]);

  if (items.length === 0)
    return (
      <section className="card" aria-labelledby="snapshot-list-title">
        <h2 id="snapshot-list-title" className="networks-subtitle">
          {t('networks.snapshots.listTitle')}
        </h2>
        <p className="empty">{t('networks.snapshots.none')}</p>
      </section>
    );
  const options = items.map((s) => ({ id: s.id, label: snapshotName(s, t) }));
  return (
    <>
      <section className="card" aria-labelledby="snapshot-list-title">
        <h2 id="snapshot-list-title" className="networks-subtitle">
          {t('networks.snapshots.listTitle')}
        </h2>
        <ul className="networks-snapshot-list">
          {items.map((s) => (
            <li key={s.id}>
              <strong>{snapshotName(s, t)}</strong>
              <span className="muted">
                {t('networks.snapshots.counts', {
                  members: s.counts.members,
                  people: s.counts.people,
                  cards: s.counts.cards,
                })}
                {s.createdBy ? ` · ${t('networks.snapshots.by', { name: s.createdBy.name })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="snapshot-compare-title">
        <h2 id="snapshot-compare-title" className="networks-subtitle">
          {t('networks.snapshots.compareTitle')}
        </h2>
        <div className="networks-form-row">
          <SelectField
            label={t('networks.snapshots.from')}
            options={options}
            value={from}
            onChange={setFrom}
          />
          <SelectField
            label={t('networks.snapshots.to')}
            options={[{ id: 'current', label: t('networks.snapshots.current') }, ...options]}
            value={to}
            onChange={setTo}
          />
        </div>
        {from && to && from !== to ? (
          <Comparison key={`${from}:${to}:${savedVersion}`} clientId={clientId} from={from} to={to} />
        ) : (
          <p className="muted">{t('networks.snapshots.pickTwo')}</p>
        )}
      </section>
    </>
  );
}

function sourceName(source: CompareView['from'], t: ReturnType<typeof useT>): string {
  if (source.kind === 'current') return t('networks.snapshots.current');
  const date = source.takenOn ? formatDate(source.takenOn) : '';
  return source.label ? t('networks.snapshots.named', { date, label: source.label }) : date;
}

/** The two ecograms side by side (as the server draws them) and the changes in plain words. */
function Comparison({ clientId, from, to }: { clientId: string; from: string; to: string }) {
  const t = useT();
  const paths = networkPaths(clientId);
  // The panel mounts afresh each time the tab opens, so "current" is read again after a save.
  const compare = useResource<CompareView>(paths.compare(from, to));
  return (
    <Loaded resource={compare}>
      {(view) => (
        <div className="networks-compare">
          <div className="networks-compare-pair">
            {[view.from, view.to].map((source, i) => (
              <figure key={source.id ?? `current-${i}`} className="networks-compare-figure">
                <img
                  src={paths.ecogramSvg(i === 0 ? from : to)}
                  alt={t('networks.snapshots.ecogramOf', { name: sourceName(source, t) })}
                  width={320}
                  height={320}
                />
                <figcaption>{sourceName(source, t)}</figcaption>
              </figure>
            ))}
          </div>
          <h3 className="networks-minor-title">
            {t('networks.snapshots.changesTitle', {
              from: sourceName(view.from, t),
              to: sourceName(view.to, t),
            })}
          </h3>
          {view.changes.length === 0 ? (
            <p className="muted">{t('networks.snapshots.noChanges')}</p>
          ) : (
            <ul className="networks-text-list networks-changes">
              {view.changes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server's order is the meaning
                <li key={i}>{c.text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Loaded>
  );
}
