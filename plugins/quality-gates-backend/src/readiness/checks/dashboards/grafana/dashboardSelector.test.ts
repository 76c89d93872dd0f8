import {
  parseDashboardSelector,
  requiredTags,
  SelectableDashboard,
  selects,
} from './dashboardSelector';

function dashboard(
  fields: Partial<SelectableDashboard> = {},
): SelectableDashboard {
  return {
    title: 'Checkout',
    uid: 'checkout',
    folderTitle: 'Payments',
    folderUid: 'payments',
    folderUrl: '/dashboards/f/payments/',
    url: '/d/checkout/checkout',
    uri: 'db/checkout',
    slug: 'checkout',
    type: 'dash-db',
    tags: [],
    ...fields,
  };
}

describe('dashboard selector', () => {
  it('reads a single word as a tag, as the Grafana plugin does', () => {
    const selector = parseDashboardSelector(' my-service ');
    expect(selects(selector, dashboard({ tags: ['my-service'] }))).toBe(true);
    expect(selects(selector, dashboard({ title: 'my-service' }))).toBe(false);
    expect(requiredTags(selector)).toEqual(['my-service']);
  });

  it.each([
    ["tags @> 'foo'", ['foo', 'bar'], true],
    ['tags @> "foo"', ['bar'], false],
    ["tags @> 'bar' || tags @> 'baz'", ['baz'], true],
    ["tags @> 'bar' && tags @> 'baz'", ['baz'], false],
    ["(tags @> 'bar' && tags @> 'baz') || tags @> 'joe'", ['joe'], true],
    ["!(tags @> 'bar' && tags @> 'baz')", ['bar', 'baz'], false],
    ["!tags @> 'bar'", ['baz'], true],
    // && binds tighter than ||.
    ["tags @> 'a' || tags @> 'b' && tags @> 'c'", ['a'], true],
    ["tags @> 'a' || tags @> 'b' && tags @> 'c'", ['b'], false],
  ])('%s on %j is %s', (text, tags, expected) => {
    expect(selects(parseDashboardSelector(text), dashboard({ tags }))).toBe(
      expected,
    );
  });

  it('compares text fields either way round, with escapes', () => {
    expect(
      selects(
        parseDashboardSelector(
          "title == 'Checkout' && 'Payments' == folderTitle && uid != 'x'",
        ),
        dashboard(),
      ),
    ).toBe(true);
    expect(
      selects(
        parseDashboardSelector("title == 'It\\'s'"),
        dashboard({ title: "It's" }),
      ),
    ).toBe(true);
  });

  it('derives the tags Grafana can filter by', () => {
    const tagsOf = (text: string) => requiredTags(parseDashboardSelector(text));
    expect(tagsOf("tags @> 'a' && tags @> 'b'")).toEqual(['a', 'b']);
    expect(tagsOf("tags @> 'a' || tags @> 'b'")).toEqual([]);
    expect(tagsOf("(tags @> 'a' && tags @> 'b') || tags @> 'a'")).toEqual([
      'a',
    ]);
    expect(tagsOf("!(tags @> 'a')")).toEqual([]);
    expect(tagsOf("title == 'a'")).toEqual([]);
  });

  it.each([
    ["tags @> 'x", 'unclosed quote opened at column 9'],
    ["team @> 'x'", "unknown field 'team' at column 1; known: tags, title"],
    [
      "tags == 'x'",
      "tags is a list and cannot be compared with == (column 6); use tags @> 'name'",
    ],
    ["title @> 'x'", '@> at column 7 needs tags on its left'],
    [
      "tags @> 'a' tags",
      "expected an operator (&&, ||) or the end, found 'tags' at column 13",
    ],
    ["(tags @> 'a'", "expected ')', found the end"],
    ['uid == 42', 'numbers are not supported; quote values'],
    ["tags @> 'a' and tags @> 'b'", "found 'and' at column 13"],
  ])('refuses %s', (text, message) => {
    expect(() => parseDashboardSelector(text)).toThrow(message);
  });

  it('reads a lone field name as a tag, never a field', () => {
    const selector = parseDashboardSelector('title');
    expect(selects(selector, dashboard({ tags: ['title'] }))).toBe(true);
    expect(selects(selector, dashboard())).toBe(false);
  });
});
