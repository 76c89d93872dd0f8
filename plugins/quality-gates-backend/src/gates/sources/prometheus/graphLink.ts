/**
 * A link to Prometheus' graph page showing `expr` over `rangeSeconds`
 * ending at `end`, in the URL parameters Prometheus 2.x's UI writes and
 * reads (`g0.expr`, `g0.tab`, `g0.range_input`, `g0.end_input`,
 * `g0.moment_input`; times as UTC `YYYY-MM-DD HH:mm:ss`).
 */
export function prometheusGraphLink(
  externalUrl: string,
  expr: string,
  options: { range: string; end: Date },
): string {
  const time = options.end.toISOString().slice(0, 19).replace('T', ' ');
  const params: Array<[string, string]> = [
    ['expr', expr],
    ['tab', '0'],
    ['stacked', '0'],
    ['range_input', options.range],
    ['end_input', time],
    ['moment_input', time],
  ];
  // encodeURIComponent, as the UI itself encodes: `+` must become %2B.
  const query = params
    .map(([name, value]) => `g0.${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `${externalUrl}/graph?${query}`;
}
