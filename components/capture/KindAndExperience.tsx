import { Experience, LoggableKind, type Interaction } from '../../utils/model/records';
import { t } from '../../utils/i18n';
import { experienceLabel, kindLabel } from '../shared/labels';

interface Props {
  /** Prefix of the two controls' ids, unique on the page. */
  idPrefix: string;
  kind: LoggableKind;
  experience: Interaction['experience'];
  onKind: (kind: LoggableKind) => void;
  onExperience: (experience: Interaction['experience']) => void;
}

/** What kind of entry it is and how it went: the two choices every composer offers. */
export function KindAndExperience({ idPrefix, kind, experience, onKind, onExperience }: Props) {
  return (
    <div class="row">
      <label for={`${idPrefix}-kind`}>{t('kindLabel')}</label>
      <select id={`${idPrefix}-kind`} value={kind} onChange={(e) => onKind(LoggableKind.parse(e.currentTarget.value))}>
        {LoggableKind.options.map((k) => (
          <option key={k} value={k}>
            {kindLabel(k)}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-experience`}>{t('experienceLabel')}</label>
      <select
        id={`${idPrefix}-experience`}
        value={experience ?? ''}
        onChange={(e) => onExperience(e.currentTarget.value ? Experience.parse(e.currentTarget.value) : undefined)}
      >
        <option value="">{t('experienceNotMarked')}</option>
        {Experience.options.map((value) => (
          <option key={value} value={value}>
            {experienceLabel(value)}
          </option>
        ))}
      </select>
    </div>
  );
}
