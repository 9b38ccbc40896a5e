import { loadSettings } from '../../utils/settings';
import { useRequest } from '../../components/use-request';

/** Settings: for now what Tend has learned about the user. Later issues add the rest. */
export function App() {
  const settings = useRequest(loadSettings, []);
  const own = settings.data?.ownAddresses ?? [];
  return (
    <main class="options">
      <h1>Tend settings</h1>
      <section aria-labelledby="own-heading">
        <h2 id="own-heading">Your addresses</h2>
        <p>Tend never offers these as contacts. It learns them from Gmail, where your own address is marked as you.</p>
        {own.length === 0 ? (
          <p class="empty">None learned yet.</p>
        ) : (
          <ul aria-label="Your addresses">
            {own.map((address) => (
              <li key={address}>{address}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p>Everything Tend keeps stays in this browser profile. Tend makes no network requests.</p>
      </section>
    </main>
  );
}
