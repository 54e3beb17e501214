// The playground page's own script, served as a file so that the Content-Security-Policy needs no
// inline script. It runs after the React, ReactDOM and GraphiQL UMD bundles (which define those
// globals) and reads its settings from the page's JSON data block (playground-page.ts).
// GraphiQL 3 opens the first tab without its variables: examples put one that needs none first.

export const CONFIG_ELEMENT_ID = 'playground-config';
export const ROOT_ELEMENT_ID = 'graphiql';

export const BOOT_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('${CONFIG_ELEMENT_ID}').textContent);
  var props = {
    fetcher: GraphiQL.createFetcher({ url: new URL(config.graphqlPath, window.location.href).href }),
    storage: GraphiQL.createLocalStorage({ namespace: config.storageNamespace }),
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: config.persistHeaders
  };
  if (config.tabs.length > 0) props.defaultTabs = config.tabs;
  if (config.headers !== null) props.defaultHeaders = config.headers;
  var root = ReactDOM.createRoot(document.getElementById('${ROOT_ELEMENT_ID}'));
  root.render(React.createElement(GraphiQL, props));
})();
`;
