import { useState } from 'react';
import { api } from '../../api.ts';
import { Field, SwitchField } from '../../components/fields.tsx';
import { ApiForm, SubmitButton, useApiForm } from '../../components/forms.tsx';
import { SelectField } from '../../components/selects.tsx';
import { useT } from '../../i18n.ts';
import { ServicePicker } from '../clients/ServicePicker.tsx';
import { RadioField } from '../signals/fields.tsx';
import { brusselsDay, parseMonths } from './answers.ts';
import { type InstrumentSummary, TRACK_CONTEXTS, type TrackContext } from './types.ts';

/** An initiative the person started with (a referral marked as started): the form is filled in for it. */
export interface TrackPreset {
  serviceId: string;
  serviceName: string;
  startedOn: string;
}

/**
 * Starts a follow-up: what the person begins with, from when, and at which
 * months to measure again. With a preset, the initiative and its start date
 * are filled in and the form is open.
 */
export function StartTrackForm({
  path,
  instruments,
  preset,
  onStarted,
}: {
  path: string;
  instruments: InstrumentSummary[];
  preset?: TrackPreset | null;
  onStarted: () => void;
}) {
  const t = useT();
  const form = useApiForm();
  const [instrumentId, setInstrumentId] = useState<string>('djg-6');
  const [context, setContext] = useState<TrackContext>('initiative');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [selfFill, setSelfFill] = useState(false);
  const fixed = preset ?? null;
  return (
    <details className="clients-more" open={fixed ? true : undefined}>
      <summary>
        {fixed
          ? t('measurements.tracks.startFor', { name: fixed.serviceName })
          : t('measurements.tracks.start')}
      </summary>
      <ApiForm
        form={form}
        onSubmit={(values, element) => {
          const months = parseMonths(values.followUpMonths ?? '');
          if (months === null || months.length === 0) {
            form.setError({
              title: t('form.checkFields'),
              fields: { followUpMonths: t('measurements.tracks.monthsInvalid') },
            });
            return;
          }
          void form.run(async () => {
            await api.post(path, {
              instrumentId,
              context: fixed ? 'initiative' : context,
              ...(fixed
                ? { serviceId: fixed.serviceId }
                : context === 'initiative' && serviceId
                  ? { serviceId }
                  : {}),
              startedOn: values.startedOn,
              followUpMonths: months,
              selfFill,
            });
            element.reset();
            setServiceId(null);
            onStarted();
          });
        }}
      >
        {fixed ? (
          <p>{t('measurements.tracks.presetInitiative', { name: fixed.serviceName })}</p>
        ) : (
          <>
            <RadioField
              label={t('measurements.tracks.contextLabel')}
              name="context"
              options={TRACK_CONTEXTS.map((c) => ({ id: c, label: t(`measurements.tracks.contexts.${c}`) }))}
              value={context}
              onChange={(v) => setContext(v as TrackContext)}
            />
            {context === 'initiative' ? (
              <ServicePicker value={serviceId} onChange={(s) => setServiceId(s?.id ?? null)} />
            ) : null}
          </>
        )}
        <SelectField
          name="instrumentId"
          label={t('measurements.tracks.instrument')}
          options={instruments.map((i) => ({ id: i.id, label: i.name }))}
          value={instrumentId}
          onChange={setInstrumentId}
          isRequired
        />
        <Field
          name="startedOn"
          type="date"
          label={t('measurements.tracks.startedOn')}
          defaultValue={fixed?.startedOn ?? brusselsDay(new Date())}
          isRequired
          inputClassName="clients-date"
        />
        <Field
          name="followUpMonths"
          label={t('measurements.tracks.months')}
          description={t('measurements.tracks.monthsHint')}
          defaultValue="3, 6, 12"
          isRequired
          inputClassName="mq-months"
        />
        <SwitchField isSelected={selfFill} onChange={setSelfFill}>
          {t('measurements.tracks.selfFill')}
        </SwitchField>
        <p className="field-description">{t('measurements.tracks.selfFillHint')}</p>
        <div className="actions">
          <SubmitButton isPending={form.pending}>{t('measurements.tracks.startButton')}</SubmitButton>
        </div>
      </ApiForm>
    </details>
  );
}
