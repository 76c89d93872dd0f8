/** `main` for `refs/heads/main`, `v1.2.0` for a tag, `PR 12` for a PR ref. */
export function formatRef(ref: string | undefined): string {
  if (!ref) return '—';
  const pull = /^refs\/pull\/(\d+)\//.exec(ref);
  if (pull) return `PR ${pull[1]}`;
  return ref.replace(/^refs\/(heads|tags)\//, '');
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
