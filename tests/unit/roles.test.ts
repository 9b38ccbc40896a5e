import { describe, expect, test } from 'vitest';
import { mailboxKind } from '../../utils/identity/roles';

describe('mailboxKind', () => {
  test.each([
    'info@paper.example',
    'tips@paper.example',
    'press@x.example',
    'support@x.example',
    'sales@x.example',
    'noreply@x.example',
    'no-reply@x.example',
    'newsletter@x.example',
    'hello@x.example',
    'contact@x.example',
    'team@x.example',
    'jobs@x.example',
    'Info+web@X.example',
  ])('%s is a role address', (email) => expect(mailboxKind(email)).toBe('role'));

  test.each([
    'dev-team@googlegroups.com',
    'announce@lists.debian.org',
    'members@groups.io',
    'chromium-discuss@chromium.example',
    'project-users@apache.example',
    'wg-request@ietf.example',
  ])('%s is a mailing list', (email) => expect(mailboxKind(email)).toBe('list'));

  test.each([
    'ada@analytical.example',
    'jane.roe@foundation.example',
    'dev@patel.example',
    'marie-l@x.example',
    'information.officer.smith@x.example',
    'teams.lead@x.example',
    'not an address',
  ])('%s is a person (or nothing)', (email) => expect(mailboxKind(email)).toBeUndefined());
});
