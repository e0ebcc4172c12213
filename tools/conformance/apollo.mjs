// Apollo Client (Node) with automatic persisted queries, running two queries of the
// README's tour against a served budget-kg. Usage: node apollo.mjs URL
// Prints a JSON report on stdout; exits 1 when a check fails.
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client/core";
import { BatchHttpLink } from "@apollo/client/link/batch-http";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { createHash } from "node:crypto";

const url = process.argv[2];
const QUERIES = {
  portfolios: "{ portfolios { name years } }",
  search: '{ search(text: "francisation") { __typename ... on Node { id } } }',
};

// Interface fragments (`... on Node { id }`) need the cache to know which types
// implement which interface: read it once from introspection.
async function possibleTypes() {
  const query = "{ __schema { types { name possibleTypes { name } } } }";
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const found = {};
  for (const type of (await response.json()).data.__schema.types) {
    if (type.possibleTypes) found[type.name] = type.possibleTypes.map((t) => t.name);
  }
  return found;
}

const requests = [];
async function logged(input, init = {}) {
  const response = await fetch(input, init);
  const sent = init.body ? JSON.parse(init.body) : Object.fromEntries(new URL(input).searchParams);
  requests.push({ method: init.method || "GET", hasQuery: Boolean(sent.query), status: response.status });
  return response;
}

function client(types) {
  const sha256 = (text) => createHash("sha256").update(text).digest("hex");
  const persisted = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
  return new ApolloClient({
    link: persisted.concat(new HttpLink({ uri: url, fetch: logged })),
    cache: new InMemoryCache({ possibleTypes: types }),
  });
}

const types = await possibleTypes();
const report = { possibleTypes: { Node: (types.Node || []).length }, runs: [] };
for (const round of ["first", "second"]) {
  // a new client each round: an empty cache, so the second round asks the server again
  const apollo = client(types);
  for (const [name, text] of Object.entries(QUERIES)) {
    const before = requests.length;
    const { data, error } = await apollo.query({ query: gql(text), fetchPolicy: "network-only" });
    report.runs.push({ round, name, error: error ? String(error) : null, data, requests: requests.slice(before) });
  }
}
// BatchHttpLink: both queries in one POST (a batch), each answered
const batched = new ApolloClient({
  link: new BatchHttpLink({ uri: url, fetch: logged, batchMax: 10, batchInterval: 20 }),
  cache: new InMemoryCache({ possibleTypes: types }),
});
const before = requests.length;
const answers = await Promise.all(
  Object.values(QUERIES).map((text) => batched.query({ query: gql(text), fetchPolicy: "network-only" })),
);
report.batch = { requests: requests.slice(before), errors: answers.map((a) => (a.error ? String(a.error) : null)) };

const first = report.runs.filter((r) => r.round === "first");
const second = report.runs.filter((r) => r.round === "second");
const checks = {
  noErrors: report.runs.every((r) => r.error === null),
  portfolio: report.runs[0].data?.portfolios?.[0]?.name === "Immigration et Communautés culturelles",
  searchIds: report.runs[1].data?.search?.every((e) => typeof e.id === "string" && e.id.length > 0),
  // first round: hash alone (GET, not found), then hash and query (POST)
  registered: first.every((r) => r.requests.length === 2 && !r.requests[0].hasQuery && r.requests[1].hasQuery),
  // second round: the hash alone, by GET, is enough
  batched: report.batch.requests.length === 1 && report.batch.errors.every((e) => e === null)
    && answers[0].data?.portfolios?.length === 1 && answers[1].data?.search?.length > 0,
  hashOnly: second.every((r) => r.requests.length === 1 && r.requests[0].method === "GET" && !r.requests[0].hasQuery && r.requests[0].status === 200),
};
report.checks = checks;
process.stdout.write(JSON.stringify(report, null, 1) + "\n");
process.exit(Object.values(checks).every(Boolean) ? 0 : 1);
