import type { Interaction } from '../utils/model';

const KIND_LABEL: Record<Interaction['kind'], string> = {
  note: 'Note',
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  sighting: 'Seen in thread',
  other: 'Other',
};

/** Only http(s) links are followed: a page-supplied `javascript:` URL is shown as text. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

function Entry({ entry }: { entry: Interaction }) {
  const when = new Date(entry.at);
  const href = entry.source && safeHref(entry.source.url);
  return (
    <li class={`entry entry-${entry.kind}`}>
      <div class="entry-meta">
        <span class="entry-kind">{KIND_LABEL[entry.kind]}</span>
        <time dateTime={when.toISOString()}>{when.toLocaleString()}</time>
      </div>
      {href ? (
        <a class="entry-summary" href={href} target="_blank" rel="noreferrer">
          {entry.summary}
        </a>
      ) : (
        <p class="entry-summary">{entry.summary}</p>
      )}
    </li>
  );
}

/** A person's history, newest first, as the background returns it. */
export function Timeline({ entries }: { entries: Interaction[] }) {
  if (entries.length === 0) return <p class="empty">Nothing yet. Add a note below: what you talked about, what matters to them.</p>;
  return (
    <ol class="timeline" aria-label="History">
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} />
      ))}
    </ol>
  );
}
