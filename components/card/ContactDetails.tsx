import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { DraftField } from '../../utils/model/drafts';
import { Stage, type Contact, type ContactPatch } from '../../utils/model/records';
import { AutosaveField } from './AutosaveField';
import { stageLabel } from '../shared/labels';

/** The editable facts of a person: each field saves itself. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const [identityError, setIdentityError] = useState<string>();
  const [newIdentity, setNewIdentity] = useState('');
  const save = async (patch: ContactPatch) => {
    await ask({ type: 'updateContact', contactId: contact.id, patch });
  };
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  // Each typed field keeps its draft under the person and its name.
  const of = (field: DraftField) => ({ contactId: contact.id, field });
  return (
    <div class="details">
      <AutosaveField id="field-org" label={t('cardOrganisation')} value={contact.org ?? ''} {...of('org')} toPatch={(v) => ({ org: text(v) })} />
      <AutosaveField id="field-title" label={t('cardTitle')} value={contact.title ?? ''} {...of('title')} toPatch={(v) => ({ title: text(v) })} />
      <AutosaveField
        id="field-tags"
        label={t('cardTags')}
        placeholder={t('cardTagsPlaceholder')}
        value={contact.tags.join(', ')}
        {...of('tags')}
        toPatch={(v) => ({
          tags: v
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        })}
      />
      <div class="field">
        <label for="field-stage">{t('cardStage')}</label>
        <select
          id="field-stage"
          value={contact.stage ?? ''}
          onChange={(e) => void save({ stage: e.currentTarget.value ? Stage.parse(e.currentTarget.value) : null })}
        >
          <option value="">{t('cardStageNone')}</option>
          {Stage.options.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      </div>
      <AutosaveField
        id="field-cadence"
        label={t('cardCadence')}
        type="number"
        value={contact.cadenceDays ? String(contact.cadenceDays) : ''}
        {...of('cadenceDays')}
        toPatch={(v) => {
          const days = v.trim() === '' ? null : Number(v);
          if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) throw new Error(t('errorCadenceDays'));
          return { cadenceDays: days };
        }}
      />
      <h4>{t('cardIdentities')}</h4>
      <ul class="identities" aria-label={t('cardIdentitiesEdit')}>
        {contact.identities.map((identity) => (
          <li key={`${identity.kind}:${identity.value}`}>
            <span>{identity.value}</span>
            <button
              type="button"
              class="link"
              aria-label={t('cardIdentityRemove', identity.value)}
              onClick={() => void ask({ type: 'removeIdentity', contactId: contact.id, identity })}
            >
              {t('commonRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          ask({ type: 'addIdentity', contactId: contact.id, value: newIdentity }).then(
            () => (setNewIdentity(''), setIdentityError(undefined)),
            (failure: Error) => setIdentityError(failure.message),
          );
        }}
      >
        <label for="field-identity" class="visually-hidden">
          {t('cardIdentityAdd')}
        </label>
        <input id="field-identity" value={newIdentity} placeholder={t('cardIdentityPlaceholder')} onInput={(e) => setNewIdentity(e.currentTarget.value)} />
        <button type="submit">{t('commonAdd')}</button>
      </form>
      {identityError && (
        <p role="alert" class="error">
          {identityError}
        </p>
      )}
    </div>
  );
}
