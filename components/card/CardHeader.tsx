import { t } from '../../utils/i18n';
import type { Contact } from '../../utils/model/records';
import { Avatar } from '../shared/Avatar';

interface Props {
  contact: Contact;
  pinned: boolean;
  /** Absent where a card cannot be pinned or closed (it is the only thing on its page). */
  onPin?: (pinned: boolean) => void;
  onClose?: () => void;
}

/** Who this is at a glance: avatar, name, title and organisation, addresses; pin and close. */
export function CardHeader({ contact, pinned, onPin, onClose }: Props) {
  const { title, org } = contact;
  const role = title && org ? t('cardTitleAtOrg', title, org) : (title ?? org);
  return (
    <header class="card-header">
      <Avatar id={contact.id} name={contact.displayName} size="large" />
      <div class="card-who">
        <h2 id="card-name">{contact.displayName}</h2>
        {role && <p class="card-role">{role}</p>}
        <ul class="identities" aria-label={t('cardAddresses')}>
          {contact.identities.map((identity) => (
            <li key={`${identity.kind}:${identity.value}`}>{identity.value}</li>
          ))}
        </ul>
      </div>
      <div class="card-tools">
        {onPin && (
          <button type="button" class="tool pin" aria-pressed={pinned} title={t('cardPinHint')} onClick={() => onPin(!pinned)}>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M6 1.5h4l-.5 4 2.5 2.5v1.5H8.75V15h-1.5V9.5H4V8l2.5-2.5z" />
            </svg>
            {t('cardPin')}
          </button>
        )}
        {onClose && (
          <button type="button" class="tool close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        )}
      </div>
    </header>
  );
}
