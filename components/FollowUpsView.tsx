/** Placeholder until the feature lands: the view's owner replaces this file. */
export function FollowUpsView(_props: { onOpenPerson: (contactId: string) => void }) {
  return <p class="empty">Not available yet.</p>;
}
