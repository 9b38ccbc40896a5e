import { downloadFile } from '../shared/download-file';
import type { Contact } from '../../utils/model/records';
import { writeVCards } from '../../utils/portability/vcard/write';
import { t } from '../../utils/i18n';
import { localDay } from '../../utils/time/local-day';

/** A file name made from a person's name: letters, digits and dashes only. */
export const vCardFileName = (contact: Contact, now = Date.now()) =>
  `${
    contact.displayName
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'person'
  }-${localDay(now)}.vcf`;

/** Download this one person as a vCard 4.0 (for an address book or to share). */
export function ExportPersonVCard({ contact }: { contact: Contact }) {
  return (
    <button type="button" onClick={() => downloadFile({ name: vCardFileName(contact), text: writeVCards([contact], '4.0'), type: 'text/vcard;charset=utf-8' })}>
      {t('cardVCard')}
    </button>
  );
}
