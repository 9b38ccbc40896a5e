import type { TendDatabase } from '../../db/schema';
import type { PeopleFilters, PeopleSort } from '../../messaging/features/people';
import { loadSettings } from '../settings/settings';
import { listPeople } from './list';
import { duplicateCount, namePlaces, rosterOf } from './roster';

/** Handlers of the People view's page requests (see utils/messaging/features/people.ts). */
export function createPeopleListHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    async listPeople(request: { sort: PeopleSort; filters: PeopleFilters; limit?: number }) {
      const [roster, settings] = await Promise.all([db.then(rosterOf), db.then(loadSettings)]);
      return listPeople(roster.rows.values(), request, settings, clock(), duplicateCount(roster), namePlaces(roster));
    },
  };
}
