// The settings the gateway puts into the page as a JSON data block (src/gateway/dashboard): where
// the API is, and the embedded demo's token when the page was asked for on loopback.

export interface DashboardSettings {
  graphqlPath: string;
  csvPath: string;
  demoToken: string | null;
}

const FALLBACK: DashboardSettings = {
  graphqlPath: '/graphql',
  csvPath: '/reports/usage.csv',
  demoToken: null,
};

function read(): DashboardSettings {
  const text = document.getElementById('dashboard-config')?.textContent;
  if (!text) return FALLBACK;
  try {
    return { ...FALLBACK, ...(JSON.parse(text) as Partial<DashboardSettings>) };
  } catch {
    return FALLBACK;
  }
}

export const settings: DashboardSettings = read();
