/**
 * The one-liner CI runs before deploying: it asks the gates and fails the
 * job unless the answer is yes (`jq -e` exits non-zero otherwise).
 */
export function ciCommand(entityRef: string, environment = 'production') {
  const body = `{"entityRef":"${entityRef}","environment":"${environment}","version":"'"$GIT_SHA"'"}`;
  return [
    'curl -fsS -X POST "$BACKSTAGE_URL/api/quality-gates/gates/evaluate" \\',
    '  -H "Authorization: Bearer $TOKEN" \\',
    "  -H 'Content-Type: application/json' \\",
    `  -d '${body}' \\`,
    `  | jq -e '.answer == "yes"'`,
  ].join('\n');
}
