// The explorer's only data source: this service's public GraphQL API (POST /graphql).

export class ApiError extends Error {}

export async function graphql(query, variables = {}) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`GraphQL answered ${response.status} without JSON`);
  }
  if (body.errors && body.errors.length) {
    throw new ApiError(body.errors.map((e) => e.message).join("; "));
  }
  return body.data;
}

// A link that opens `query` with its variables in GraphiQL (served by /graphql too).
export function graphiqlHref(query, variables) {
  const params = new URLSearchParams({ query: query.trim() });
  if (variables && Object.keys(variables).length) {
    params.set("variables", JSON.stringify(variables, null, 2));
  }
  return "/graphql?" + params.toString();
}

const LINES = "fragment lines on Provenance { document lineStart lineEnd }";

export const PORTFOLIOS = `
query Portfolios {
  portfolios { name years }
  documents { id name year portfolioName }
}`;

export const DOCUMENT_TEXT = `
query DocumentText($id: ID!) {
  node(id: $id) { ... on SourceDocument { name provenance { lineStart text } } }
}`;

export const TREEMAP = `
query Treemap($portfolio: String!, $year: String!) {
  portfolio(name: $portfolio) {
    name
    budget(year: $year) { expenditure }
    programs(year: $year) {
      id number name
      budget(year: $year) { expenditure }
      change(to: $year) { amount percent reason }
      provenance { ...lines }
      elements {
        id number name
        budget(year: $year) { expenditure }
        change(to: $year) { amount percent reason }
        provenance { ...lines }
      }
    }
  }
}
${LINES}`;

export const ORGANISATION = `
query Organisation($portfolio: String!, $year: String, $after: String) {
  portfolio(name: $portfolio) {
    organizations { id name isBody roles { name } advises { name } provenance { ...lines } }
    orgGroups(year: $year) {
      id name kind parent { id } supervisedBy { name } provenance { ...lines }
    }
    orgUnits(first: 40, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node { id name unitType parent { id } reportsTo { name } provenance { ...lines } }
      }
    }
  }
}
${LINES}`;

export const SERVES = `
query Serves($portfolio: String!, $year: String!) {
  programs(portfolio: $portfolio, year: $year) {
    id number name provenance { ...lines }
    servedBy { ...service }
    elements { id number name provenance { ...lines } servedBy { ...service } }
  }
}
fragment service on Service {
  unit { __typename id name provenance { ...lines } }
  basis { method evidence confidence lines }
}
${LINES}`;

export const AUDIT = `
query Audit($portfolio: String!) {
  audit(portfolio: $portfolio) {
    identity status measure edition years
    stated expected computed difference unit statedRaw note derivation
    entity { __typename name }
    statedAt { ...lines text }
    sources { ...lines }
  }
}
${LINES}`;
