import { useState } from 'preact/hooks';
import { settings } from '../api/config';
import { storeToken } from '../api/session';

// Sign-in: paste a bearer token (kept in this tab's sessionStorage only), or, in the embedded demo
// opened on loopback, take the demo token the gateway put into the page.

export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (token.trim() === '') return;
    storeToken(token);
    onSignedIn();
  };
  const useDemo = () => {
    storeToken(settings.demoToken!);
    onSignedIn();
  };
  return (
    <main id="main" class="sign-in" tabIndex={-1}>
      <h1>Licensegraph license usage</h1>
      {notice ? (
        <p role="alert" class="problems">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit}>
        <label for="token">Bearer token</label>
        <textarea
          id="token"
          rows={4}
          spellcheck={false}
          autocomplete="off"
          value={token}
          onInput={(event) => setToken((event.target as HTMLTextAreaElement).value)}
          aria-describedby="token-hint"
        />
        <p id="token-hint" class="hint">
          Paste a token (<code>npx licensegraph token --user &lt;id&gt;</code>). It is kept in this
          browser tab only and sent to this server alone.
        </p>
        <button type="submit">Sign in</button>
      </form>
      {settings.demoToken ? (
        <section class="demo" aria-labelledby="demo-title">
          <h2 id="demo-title">Embedded demo</h2>
          <p>
            This server runs the demo on this machine and offers its demo partner admin's token.
          </p>
          <button type="button" onClick={useDemo}>
            Sign in with the demo token
          </button>
        </section>
      ) : null}
    </main>
  );
}
