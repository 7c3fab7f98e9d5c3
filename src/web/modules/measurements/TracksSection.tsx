import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SuccessMessage } from '../../components/forms.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { brusselsDay } from './answers.ts';
import { type Referral, startsWithoutFollowUp } from './followUps.ts';
import { occasionLabel } from './labels.ts';
import { StartTrackForm, type TrackPreset } from './StartTrackForm.tsx';
import type { InstrumentSummary, Track, TrackList } from './types.ts';

/** Follow-ups: when the person starts with something, a baseline now and measurements at set months. */
export function TracksSection({
  clientId,
  canStart,
  instruments,
  referrals,
  onChange,
}: {
  clientId: string;
  canStart: boolean;
  instruments: InstrumentSummary[];
  referrals: readonly Referral[];
  onChange: () => void;
}) {
  const t = useT();
  const path = `/api/clients/${clientId}/measurement-tracks`;
  const tracks = useResource<TrackList>(path);
  const [preset, setPreset] = useState<TrackPreset | null>(null);
  const [started, setStarted] = useState(false);
  const nameOf = (id: string) => instruments.find((i) => i.id === id)?.name ?? id;
  const waiting = canStart && tracks.data ? startsWithoutFollowUp(referrals, tracks.data.items) : [];
  return (
    <section className="card" aria-labelledby="measurements-tracks">
      <h2 id="measurements-tracks">{t('measurements.tracks.title')}</h2>
      <p className="muted">{t('measurements.tracks.intro')}</p>
      {waiting.length > 0 ? (
        <div className="alert alert-info mq-waiting">
          <h3 className="mq-item-title">{t('measurements.tracks.waitingTitle')}</h3>
          <ul className="mq-list">
            {waiting.map((r) => {
              const startedOn = brusselsDay(new Date(r.updatedAt));
              return (
                <li key={r.id} className="mq-waiting-item">
                  <span>
                    {t('measurements.tracks.waitingItem', {
                      name: r.serviceName,
                      date: formatDate(startedOn),
                    })}
                  </span>
                  <Button
                    className="button button-secondary"
                    onPress={() =>
                      setPreset({ serviceId: r.serviceId, serviceName: r.serviceName, startedOn })
                    }
                  >
                    {t('measurements.tracks.waitingStart')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <Loaded resource={tracks}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="empty">{t('measurements.tracks.empty')}</p>
          ) : (
            <ul className="mq-list">
              {list.items.map((track) => (
                <TrackItem
                  key={track.id}
                  clientId={clientId}
                  track={track}
                  instrumentName={nameOf(track.instrumentId)}
                  canMeasure={canStart}
                  onStop={async () => {
                    await api.post(`${path}/${track.id}/stop`);
                    tracks.reload();
                  }}
                />
              ))}
            </ul>
          )
        }
      </Loaded>
      {canStart && instruments.length > 0 ? (
        <>
          <SuccessMessage message={started ? t('measurements.tracks.startedMessage') : null} />
          <StartTrackForm
            key={preset?.serviceId ?? 'free'}
            path={path}
            instruments={instruments}
            preset={preset}
            onStarted={() => {
              setPreset(null);
              setStarted(true);
              tracks.reload();
              onChange();
            }}
          />
        </>
      ) : null}
    </section>
  );
}

function TrackItem({
  clientId,
  track,
  instrumentName,
  canMeasure,
  onStop,
}: {
  clientId: string;
  track: Track;
  instrumentName: string;
  canMeasure: boolean;
  onStop: () => Promise<void>;
}) {
  const t = useT();
  const what =
    track.context === 'initiative' && track.serviceType
      ? t('measurements.tracks.withInitiative', {
          name: track.serviceName ?? '',
          type: t(`directory.vocab.type.${track.serviceType}`),
        })
      : t(`measurements.tracks.contexts.${track.context}`);
  const active = track.status === 'active';
  return (
    <li className="mq-list-item">
      <h3 className="mq-item-title">
        {t('measurements.tracks.started', { what, date: formatDate(track.startedOn) })}{' '}
        <span className={active ? 'badge badge-ok' : 'badge'}>
          {t(`measurements.tracks.status.${track.status}`)}
        </span>
      </h3>
      <p className="muted">
        {instrumentName}
        {track.selfFill ? ` · ${t('measurements.tracks.selfFillOn')}` : ''}
      </p>
      <ul className="mq-occasions">
        {track.occasions.map((o) => (
          <li key={o.months} className="mq-occasion">
            <span className="mq-occasion-name">{occasionLabel(t, o.months)}</span>
            <span>
              {o.takenOn
                ? t('measurements.tracks.measuredOn', { date: formatDate(o.takenOn) })
                : t('measurements.tracks.dueOn', { date: formatDate(o.dueOn) })}
            </span>
            {!o.measurementId && active && canMeasure ? (
              <Link
                className="link"
                href={`/clients/${clientId}/measurements/new?mode=interviewer&instrument=${track.instrumentId}&track=${track.id}&occasion=${o.months}`}
                aria-label={t('measurements.tracks.measureNowFor', { occasion: occasionLabel(t, o.months) })}
              >
                {t('measurements.tracks.measureNow')}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {active && canMeasure ? (
        <ConfirmDialog
          trigger={t('measurements.tracks.stop')}
          title={t('measurements.tracks.stopTitle')}
          confirmLabel={t('measurements.tracks.stop')}
          onConfirm={onStop}
        >
          <p>{t('measurements.tracks.stopText')}</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
