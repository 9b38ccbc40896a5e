/**
 * The composer's last "Share with the team" choice, offered again on the next note (issue 18).
 * Kept in chrome.storage.local beside the welcome flag: it only sets a checkbox's first state,
 * which the user sees before every save; what a note is shared with is decided by that save.
 */
import { z } from 'zod';
import { storedItem } from './item';

const shareWithTeamItem = storedItem('local:shareWithTeam', z.boolean());

/** The last choice (false until the user first shared a note). */
export async function lastShareChoice(): Promise<boolean> {
  return (await shareWithTeamItem.get()) ?? false;
}

/** Remember the choice for the next note. */
export function rememberShareChoice(shared: boolean): Promise<void> {
  return shareWithTeamItem.set(shared);
}
