// The GraphQL-over-HTTP audit of graphql-http against a served budget-kg.
// Usage: node audit.mjs URL  — prints the results as JSON on stdout.
import { auditServer } from "graphql-http";

const url = process.argv[2];
const results = await auditServer({ url });
const shown = results.map(({ id, name, status, reason }) => ({ id, name, status, reason }));
process.stdout.write(JSON.stringify(shown, null, 1) + "\n");
