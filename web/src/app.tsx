import { useEffect, useRef, useState } from 'preact/hooks';
import { useQuery } from './api/use-query';
import { forgetToken, storedToken } from './api/session';
import { DashboardViewerDocument } from './generated/operations';
import type { DashboardViewerQuery } from './generated/operations';
import { Loading, Problems } from './components/states';
import { useLocation } from './router';
import type { Route } from './router';
import { SignIn } from './views/sign-in';
import { Home } from './views/home';
import { CustomerList } from './views/customer-list';
import { CustomerOverview } from './views/customer-overview';
import { SourceUsage } from './views/source-usage';
import { RegionUsage } from './views/region-usage';
import { Trend } from './views/trend';
import { Alerts } from './views/alerts';

// The dashboard: sign-in, then the signed-in viewer (one request, kept for the session's life in
// this page) and the view the URL names.

export type Viewer = DashboardViewerQuery['viewer'];

function View({
  route,
  params,
  viewer,
}: {
  route: Route;
  params: URLSearchParams;
  viewer: Viewer;
}) {
  switch (route.view) {
    case 'home':
      return <Home viewer={viewer} />;
    case 'customers':
      return <CustomerList params={params} />;
    case 'partner':
      return <CustomerList partnerId={route.partnerId} params={params} />;
    case 'partner-alerts':
      return <Alerts partnerId={route.partnerId} params={params} />;
    case 'overview':
      return <CustomerOverview customerId={route.customerId} />;
    case 'usage':
      return <SourceUsage customerId={route.customerId} />;
    case 'regions':
      return <RegionUsage customerId={route.customerId} />;
    case 'trend':
      return <Trend customerId={route.customerId} params={params} />;
    case 'customer-alerts':
      return <Alerts customerId={route.customerId} params={params} />;
    case 'not-found':
      return (
        <div role="alert" class="problems">
          <p>
            There is no such page. <a href="#/">Go to the start page</a>.
          </p>
        </div>
      );
  }
}

function SignedIn({
  justSignedIn,
  onSignOut,
}: {
  justSignedIn: boolean;
  onSignOut: (reason?: string) => void;
}) {
  const { route, params } = useLocation();
  const viewer = useQuery(DashboardViewerDocument, {});
  // An expired or refused token: back to the sign-in page, saying why.
  const refusal = viewer.errors.find((error) => error.code === 'UNAUTHENTICATED');
  useEffect(() => {
    if (refusal) onSignOut(refusal.message);
  }, [refusal?.message]);
  // A new page (not a changed filter): the focus goes to its content, where a screen reader or
  // the keyboard carries on, instead of staying on a link that is gone.
  const page = JSON.stringify(route);
  const ready = viewer.data !== null;
  const firstPage = useRef(true);
  useEffect(() => {
    if (!ready) return;
    // The sign-in form is gone: its button had the focus.
    if (!firstPage.current || justSignedIn) document.getElementById('main')?.focus();
    firstPage.current = false;
  }, [page, ready]);
  if (viewer.loading) return <Loading what="your account" />;
  if (!viewer.data) return <Problems errors={viewer.errors} />;
  const { user } = viewer.data.viewer;
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          Licensegraph
        </a>
        <span class="who">
          Signed in as <strong>{user.displayName}</strong> <span class="hint">({user.email})</span>
        </span>
        <button type="button" onClick={() => onSignOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <View route={route} params={params} viewer={viewer.data.viewer} />
      </main>
    </>
  );
}

export function App() {
  const [token, setToken] = useState(storedToken());
  const [notice, setNotice] = useState<string | null>(null);
  const [justSignedIn, setJustSignedIn] = useState(false);
  const signOut = (reason?: string) => {
    forgetToken();
    setNotice(reason ? `The token was refused: ${reason}` : null);
    setToken(null);
  };
  return (
    <>
      <a class="skip" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      {token ? (
        <SignedIn key={token} justSignedIn={justSignedIn} onSignOut={signOut} />
      ) : (
        <SignIn
          notice={notice}
          onSignedIn={() => {
            setJustSignedIn(true);
            setToken(storedToken());
          }}
        />
      )}
    </>
  );
}

/** The skip link must not change the route: focus the content instead of following #main. */
function skipToMain(event: Event): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
