import { useState } from 'preact/hooks';
import { ask } from '../utils/messaging/client';
import { Stage, type Contact, type ContactPatch } from '../utils/model';
import { AutosaveField } from './AutosaveField';
import { STAGE_LABELS } from './labels';

/** The editable facts of a person: each field saves itself. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const [identityError, setIdentityError] = useState<string>();
  const [newIdentity, setNewIdentity] = useState('');
  const save = async (patch: ContactPatch) => {
    await ask({ type: 'updateContact', contactId: contact.id, patch });
  };
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return (
    <div class="details">
      <AutosaveField id="field-org" label="Organisation" value={contact.org ?? ''} onSave={(v) => save({ org: text(v) })} />
      <AutosaveField id="field-title" label="Title" value={contact.title ?? ''} onSave={(v) => save({ title: text(v) })} />
      <AutosaveField
        id="field-tags"
        label="Tags"
        placeholder="comma, separated"
        value={contact.tags.join(', ')}
        onSave={(v) => save({ tags: v.split(',').map((t) => t.trim()).filter(Boolean) })}
      />
      <div class="field">
        <label for="field-stage">Stage</label>
        <select
          id="field-stage"
          value={contact.stage ?? ''}
          onChange={(e) => void save({ stage: e.currentTarget.value ? Stage.parse(e.currentTarget.value) : null })}
        >
          <option value="">None</option>
          {Stage.options.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </div>
      <AutosaveField
        id="field-cadence"
        label="Keep in touch every (days)"
        type="number"
        value={contact.cadenceDays ? String(contact.cadenceDays) : ''}
        onSave={async (v) => {
          const days = v.trim() === '' ? null : Number(v);
          if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) throw new Error('Give a whole number of days, 1 to 3650.');
          await save({ cadenceDays: days });
        }}
      />
      <h4>Addresses and profiles</h4>
      <ul class="identities" aria-label="Edit addresses">
        {contact.identities.map((identity) => (
          <li key={`${identity.kind}:${identity.value}`}>
            <span>{identity.value}</span>
            <button
              type="button"
              class="link"
              aria-label={`Remove ${identity.value}`}
              onClick={() => void ask({ type: 'removeIdentity', contactId: contact.id, identity })}
            >
              Remove
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
          Add an address or profile link
        </label>
        <input id="field-identity" value={newIdentity} placeholder="email or https://…" onInput={(e) => setNewIdentity(e.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      {identityError && (
        <p role="alert" class="error">
          {identityError}
        </p>
      )}
    </div>
  );
}
