import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type {
  AddRecordBody,
  CaseDetail,
  CaseRecord,
} from '../../../shared/conferences/contract.ts';
import { type RecordKind, recordKinds } from '../../../shared/conferences/names.ts';
import { useFormatDateTime, useFormatDay } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormProblems } from '../../ui/useFormProblems.tsx';
import { addRecord, fetchRecords, recordsKey } from './api.ts';
import { localToday } from './days.ts';
import { useCaseChange, useFailureOptions } from './useCaseChange.ts';

const fieldIds = {
  kind: 'record-kind',
  partyId: 'record-party',
  itemId: 'record-item',
  heldOn: 'record-day',
  body: 'record-body',
} as const;
type Field = keyof typeof fieldIds;

/** What each kind of record is about (server/features/conferences/records.ts). */
const aboutAParty: ReadonlySet<RecordKind> = new Set(['preparation', 'statement']);

function AddRecordForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RecordKind>('preparation');
  const [partyId, setPartyId] = useState('');
  const [itemId, setItemId] = useState('');
  // Most records are written the day of the meeting.
  const [heldOn, setHeldOn] = useState(localToday());
  const [body, setBody] = useState('');
  const problems = useFormProblems<Field>(fieldIds);
  const failure = useFailureOptions<Field>();
  const mutation = useCaseChange(
    (request: AddRecordBody) => addRecord(detail.id, request),
    t('conferences.records.added'),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(
      {
        kind,
        partyId: partyId || null,
        itemId: kind === 'check_in' ? itemId || null : null,
        heldOn: heldOn || null,
        body,
      },
      {
        onSuccess: () => {
          problems.clear();
          setBody('');
        },
        onError: (error) => problems.showFailure(error, failure),
      },
    );
  }

  return (
    <div className="case-subsection">
      <h3>{t('conferences.records.addHeading')}</h3>
      {problems.summary}
      <Form onSubmit={onSubmit} validationBehavior="aria">
        <SelectField
          id={fieldIds.kind}
          label={t('conferences.records.kind')}
          value={kind}
          onChange={(value) => setKind(value as RecordKind)}
          errorMessage={problems.error('kind')}
          options={recordKinds.map((value) => ({
            value,
            label: t(`conferences.recordKinds.${value}`),
          }))}
        />
        <SelectField
          id={fieldIds.partyId}
          label={t('conferences.records.party')}
          placeholder={
            aboutAParty.has(kind)
              ? t('conferences.records.partyChoose')
              : t('conferences.records.wholeCase')
          }
          value={partyId}
          onChange={setPartyId}
          errorMessage={problems.error('partyId')}
          options={detail.parties
            .filter((party) => !party.removed)
            .map((party) => ({ value: party.id, label: party.name }))}
        />
        {kind === 'check_in' ? (
          <SelectField
            id={fieldIds.itemId}
            label={t('conferences.records.item')}
            placeholder={t('conferences.records.itemChoose')}
            value={itemId}
            onChange={setItemId}
            errorMessage={problems.error('itemId')}
            options={detail.items.map((item) => ({
              value: item.id,
              label: `${t(`conferences.itemKinds.${item.kind}`)}: ${item.description.slice(0, 60)}`,
            }))}
          />
        ) : null}
        <DateField
          id={fieldIds.heldOn}
          label={
            kind === 'preparation'
              ? t('conferences.records.heldOn')
              : t('conferences.records.heldOnOptional')
          }
          value={heldOn}
          onChange={setHeldOn}
          errorMessage={problems.error('heldOn')}
        />
        <TextField
          id={fieldIds.body}
          label={t('conferences.records.body')}
          description={t('conferences.records.bodyHelp')}
          multiline
          value={body}
          onChange={setBody}
          errorMessage={problems.error('body')}
        />
        <FormActions submit={t('conferences.records.add')} isBusy={mutation.isPending} />
      </Form>
    </div>
  );
}

/** The records, by party (and the whole case), newest last. */
function RecordList({ detail, records }: { detail: CaseDetail; records: readonly CaseRecord[] }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const formatDateTime = useFormatDateTime();
  if (records.length === 0) return <p>{t('conferences.records.none')}</p>;
  const groups = [
    ...detail.parties.map((party) => ({ id: party.id, name: party.name })),
    { id: null, name: t('conferences.records.wholeCase') },
  ];
  return (
    <>
      {groups.map((group) => {
        const mine = records.filter((record) => record.partyId === group.id);
        if (mine.length === 0) return null;
        return (
          <div key={group.id ?? 'case'} className="case-subsection">
            <h3>{group.name}</h3>
            <ul className="record-list">
              {mine.map((record) => (
                <li key={record.id} className="record-card">
                  <p className="record-card__meta">
                    <strong>{t(`conferences.recordKinds.${record.kind}`)}</strong>
                    {record.heldOn ? ` · ${formatDay(record.heldOn)}` : ''} ·{' '}
                    {t('conferences.records.by', {
                      name: record.writtenBy,
                      date: formatDateTime(record.createdAt),
                    })}
                  </p>
                  <p className="conference-words">{record.body}</p>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

/**
 * Preparation records and notes: confidential, and each reading is written to the audit trail,
 * so they are fetched only when someone asks to read them.
 */
export function RecordsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState(false);
  const records = useQuery({
    queryKey: recordsKey(detail.id),
    queryFn: ({ signal }) => fetchRecords(detail.id, signal),
    enabled: reading,
  });
  return (
    <section id="case-records" className="case-section" aria-labelledby="case-records-heading">
      <h2 id="case-records-heading">{t('conferences.records.heading')}</h2>
      <p className="case-muted">{t('conferences.records.audited')}</p>
      {!reading ? (
        <Button variant="secondary" onPress={() => setReading(true)}>
          {t('conferences.records.read')}
        </Button>
      ) : records.isPending ? (
        <p>{t('app.loading')}</p>
      ) : records.isError ? (
        <div role="alert">
          <p>{t('conferences.loadFailed')}</p>
          <Button onPress={() => void records.refetch()}>{t('ui.retry')}</Button>
        </div>
      ) : (
        <RecordList detail={detail} records={records.data} />
      )}
      {detail.canChange ? <AddRecordForm detail={detail} /> : null}
    </section>
  );
}
