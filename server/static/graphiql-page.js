// GraphiQL over this service's /graphql, every file served by the service itself.
// A link `/graphql?query=...&variables=...` opens that query; editing keeps the link current.
(function () {
  "use strict";
  const params = new URLSearchParams(window.location.search);

  function keepInUrl(name, value) {
    if (value) params.set(name, value);
    else params.delete(name);
    const search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
  const props = {
    fetcher: fetcher,
    plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    defaultEditorToolsVisibility: params.has("variables"),
    onEditQuery: (value) => keepInUrl("query", value),
    onEditVariables: (value) => keepInUrl("variables", value),
    defaultQuery: "# Ask the budget: press Ctrl-Enter to run.\n{ portfolios { name years } }\n",
  };
  if (params.has("query")) props.query = params.get("query");
  if (params.has("variables")) props.variables = params.get("variables");
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, props),
  );
})();
