"""GraphiQL and the explorer in headless Chromium, with every host but 127.0.0.1 blocked.

The service runs as `budget-kg serve` on a free loopback port with the real and the
synthetic document; one Chromium serves the module. Expected figures and lines come
from the documents' text (`tests.stated`); screenshots are kept in tests/artifacts/.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.browser import Browser, Page, chromium, executable
from tests.documents import MICC, ROOT, SYNTHETIC
from tests.serving import command, free_port, stop, wait_for_health
from tests.stated import (
    Stated,
    group_headings,
    line_number,
    read_tables,
    regrouped,
    reported_to,
)

ARTIFACTS = ROOT / "tests" / "artifacts"
READY = "document.getElementById('view').dataset.state === 'ready'"
ELEMENTS = "document.querySelectorAll('.treemap rect.element').length"
RECTS = """[...document.querySelectorAll('.treemap rect.element')].map(r => ({
  program: +r.dataset.program, element: +r.dataset.element, expenditure: r.dataset.expenditure,
  area: r.getAttribute('width') * r.getAttribute('height')}))"""
HIGHLIGHTED = """[...document.querySelectorAll('#source .highlighted')].map(
  l => [+l.dataset.line, l.textContent])"""
MICC_NAME = "Immigration et Communautés culturelles"


def tables(path: Path) -> Stated:
    return read_tables(path.read_text(encoding="utf-8"))


def document_line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`budget-kg serve` over both documents on a free port of 127.0.0.1, stopped after."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as output:
        args = [*command(port), str(MICC), str(SYNTHETIC)]
        process = subprocess.Popen(args, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for_health(f"{base}/health", process, log)
            yield base
        finally:
            stop(process)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    path = executable()
    if path is None:
        message = "no chromium: Debian's package is not installed (make test installs it as root)"
        print(f"\nWARNING: {message}", file=sys.stderr)
        pytest.skip(message)
    with chromium(path, tmp_path_factory.mktemp("chromium")) as opened:
        yield opened


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh tab; after the test, it must have reached nothing but loopback, error-free."""
    opened = browser.new_page()
    yield opened
    try:
        assert opened.outside_requests() == []
        assert opened.problems == []
    finally:
        opened.close()


def visible(line: int) -> str:
    """Whether a line of the source viewer is scrolled into its view."""
    return f"""(() => {{ const box = document.getElementById('source');
      const line = document.getElementById('line-{line}');
      return line.offsetTop >= box.scrollTop
        && line.offsetTop + line.offsetHeight <= box.scrollTop + box.clientHeight; }})()"""


def choose(page: Page, select: str, value: str) -> None:
    """Pick an option of a <select> (`value`: a JavaScript expression over it, `s`)."""
    change = "s.dispatchEvent(new Event('change'))"
    page.evaluate(f"(s => {{ s.value = {value}; {change}; }})(document.getElementById('{select}'))")


def explore(page: Page, service: str, hash: str = "") -> None:
    page.goto(f"{service}/explore{hash}")
    page.wait_for(READY)


def tab(page: Page, view: str) -> None:
    page.click(f"#tab-{view}")
    page.wait_for(f"location.hash.includes('view={view}') && {READY}")


def api(service: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    response = httpx.post(f"{service}/graphql", json={"query": query, "variables": variables})
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def assert_areas_proportional(
    rects: list[dict[str, Any]], expected: dict[tuple[int, int], Decimal]
) -> None:
    """One rectangle per element, each of area expenditure × (whole area / total)."""
    found = {(r["program"], r["element"]): r for r in rects}
    assert len(found) == len(rects) and found.keys() == expected.keys()
    whole = sum(r["area"] for r in rects)
    assert math.isclose(whole, 960 * 560, rel_tol=1e-6)  # the rectangles tile the chart
    total = sum(expected.values())
    for key, value in expected.items():
        assert found[key]["expenditure"] == str(value)
        assert math.isclose(found[key]["area"], whole * float(value / total), rel_tol=1e-4), key


def test_graphiql_renders_and_runs_the_explorer_query_offline(page: Page, service: str) -> None:
    explore(page, service)
    link = page.evaluate("document.getElementById('graphiql-link').getAttribute('href')")
    params = parse_qs(urlsplit(link).query)
    before = len(page.requests)
    page.goto(service + link)
    editor = "document.querySelector('.graphiql-query-editor .CodeMirror')"
    page.wait_for(f"!!{editor}")
    assert page.evaluate(f"{editor}.CodeMirror.getValue()") == params["query"][0]
    page.click(".graphiql-execute-button")
    result = "document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()"
    shown = json.loads(page.wait_for(f"{result}.includes('expenditure') && {result}"))
    page.screenshot(ARTIFACTS / "graphiql.png")
    variables = json.loads(params["variables"][0])
    assert variables == {"portfolio": MICC_NAME, "year": "2007-2008"}
    assert shown["data"] == api(service, params["query"][0], variables)
    paths = {urlsplit(u).path for u in page.requests[before:] if u.startswith("http")}
    assert all(p.startswith(("/graphql", "/static/")) for p in paths), paths


def test_hosts_other_than_loopback_cannot_be_reached(browser: Browser) -> None:
    blank = browser.new_page()
    try:
        outside = ["http://example.com/", "http://192.0.2.1/"]  # a name, and a bare address
        for url in outside:
            reached = f"fetch('{url}', {{mode: 'no-cors'}}).then(() => 'reached', () => 'blocked')"
            assert blank.evaluate(reached) == "blocked"
        assert blank.outside_requests() == outside
    finally:
        blank.close()


def test_treemap_has_one_rectangle_per_element_sized_by_expenditure(
    page: Page, service: str
) -> None:
    explore(page, service)
    page.screenshot(ARTIFACTS / "explore-treemap.png")
    assert_areas_proportional(page.evaluate(RECTS), tables(MICC).expenditure)
    legend = page.evaluate("document.querySelector('.legend').textContent")
    assert "Change from the year before" in legend and "no comparison" in legend
    calls = {urlsplit(u).path for u in page.requests} - {"/explore"}
    assert {p for p in calls if not p.startswith("/static/")} == {"/graphql"}


def test_treemap_follows_the_year_and_the_portfolio(page: Page, service: str) -> None:
    explore(page, service)
    choose(page, "year", "'2006-2007'")
    page.wait_for(f"location.hash.includes('2006-2007') && {READY}")
    assert_areas_proportional(page.evaluate(RECTS), tables(MICC).previous)
    choose(page, "portfolio", "s.options[1].value")
    page.wait_for(f"location.hash.includes('Tourisme') && {READY}")
    assert_areas_proportional(page.evaluate(RECTS), tables(SYNTHETIC).expenditure)


def test_treemap_drills_into_program_1_and_back(page: Page, service: str) -> None:
    explore(page, service)
    stated = tables(MICC).expenditure
    program_one = {key: value for key, value in stated.items() if key[0] == 1}
    page.click('.treemap .program[data-program="1"]')
    page.wait_for(
        f"location.hash.includes('program=1') && {READY} && {ELEMENTS} === {len(program_one)}"
    )
    assert_areas_proportional(page.evaluate(RECTS), program_one)
    assert "Programme 1" in page.evaluate("document.querySelector('.crumbs').textContent")
    page.screenshot(ARTIFACTS / "explore-program-1.png")
    page.click(".crumbs button")
    page.wait_for(f"!location.hash.includes('program=') && {READY} && {ELEMENTS} === {len(stated)}")
    page.evaluate("document.querySelector('.treemap .program[data-program=\"1\"]').focus()")
    page.press("Enter", 13)  # the keyboard opens a programme, and Escape closes it
    page.wait_for(f"{READY} && {ELEMENTS} === {len(program_one)}")
    page.press("Escape", 27)
    page.wait_for(f"{READY} && {ELEMENTS} === {len(stated)}")


def test_selecting_an_element_highlights_the_lines_that_state_it(page: Page, service: str) -> None:
    explore(page, service, "#view=treemap&program=1")
    page.wait_for(f"{ELEMENTS} === 4")
    page.click('.treemap rect.element[data-element="2"]')
    lines = tables(MICC).lines[1, 2]
    expected = json.dumps(lines, separators=(",", ":"))
    page.wait_for(f"JSON.stringify({HIGHLIGHTED}.map(l => l[0])) === '{expected}'")
    assert page.evaluate(HIGHLIGHTED) == [[n, document_line(MICC, n)] for n in lines]
    assert page.evaluate(visible(lines[0]))
    assert "Francisation" in page.evaluate("document.getElementById('details').textContent")
    page.screenshot(ARTIFACTS / "explore-element-selected.png")
    page.evaluate("document.querySelector('.treemap rect.element[data-element=\"3\"]').focus()")
    page.press("Enter", 13)
    page.wait_for(f"{HIGHLIGHTED}.length && {HIGHLIGHTED}[0][0] === {tables(MICC).lines[1, 3][0]}")


def test_org_chart_nests_units_under_their_groups(page: Page, service: str) -> None:
    explore(page, service)
    tab(page, "org")
    text = MICC.read_text(encoding="utf-8")
    names = "[...document.querySelectorAll('.org-group .org-name')].map(e => e.textContent)"
    assert page.evaluate(names) == group_headings(text)
    administration = "Direction générale de l'administration"
    under = f"""[...[...document.querySelectorAll('.org-unit .org-name')]
      .find(e => e.textContent === {json.dumps(administration)}).closest('li')
      .querySelectorAll(':scope > ul > li > .org-node .org-name')].map(e => e.textContent)"""
    assert sorted(page.evaluate(under)) == sorted(regrouped(text, administration))
    units = """[...document.querySelectorAll('.org-unit')].map(
      e => [e.querySelector('.org-name').textContent, e.querySelector('.org-note').textContent])"""
    assert ["Module Web", f"reports to {reported_to(text, 'Web')}"] in page.evaluate(units)
    page.click(".org-group")
    first = line_number(text, group_headings(text)[0])
    page.wait_for(f"{HIGHLIGHTED}.length && {HIGHLIGHTED}[0][0] === {first}")
    page.screenshot(ARTIFACTS / "explore-org.png")


SERVES = """query($portfolio: String!, $year: String!) { portfolio(name: $portfolio) {
  programs(year: $year) { servedBy { ...served } elements { servedBy { ...served } } } } }
fragment served on Service { unit { name } basis { method evidence confidence lines } }"""
EDGES = """[...document.querySelectorAll('.serves-edge')].map(
  e => [e.dataset.confidence, +e.getAttribute('stroke-width'), e.textContent])"""


def served(service: str) -> list[dict[str, Any]]:
    """Every serves relation of the real document's programs and elements, from the API."""
    variables = {"portfolio": MICC_NAME, "year": "2007-2008"}
    programs = api(service, SERVES, variables)["portfolio"]["programs"]
    lines = [p["servedBy"] for p in programs] + [
        e["servedBy"] for p in programs for e in p["elements"]
    ]
    return [s for line in lines for s in line]


def test_serves_view_draws_each_relation_with_its_confidence(page: Page, service: str) -> None:
    explore(page, service)
    tab(page, "serves")
    relations = served(service)
    drawn = page.evaluate(EDGES)
    assert sorted(c for c, *_ in drawn) == sorted(s["basis"]["confidence"] for s in relations)
    assert all(math.isclose(w, 1 + 7 * float(c), abs_tol=0.01) for c, w, _ in drawn)
    matched = next(s for s in relations if s["basis"]["method"] == "NAME_MATCH")
    evidence = json.dumps(matched["basis"]["evidence"])
    assert any(matched["basis"]["evidence"] in title for *_, title in drawn)  # on hover
    row = f"""[...document.querySelectorAll('.serves-table tr')].find(r =>
      r.textContent.includes({json.dumps(matched["unit"]["name"])})
      && r.textContent.includes('name match')).querySelector('button')"""
    page.evaluate(f"{row}.click()")
    page.wait_for(f"document.getElementById('details').textContent.includes({evidence})")
    heading = line_number(MICC.read_text(encoding="utf-8"), matched["unit"]["name"])
    highlighted = [n for n, _ in page.evaluate(HIGHLIGHTED)]
    assert heading in highlighted
    assert matched["basis"]["lines"] and set(matched["basis"]["lines"]) <= set(highlighted)
    page.screenshot(ARTIFACTS / "explore-serves.png")


AUDIT = "query($portfolio: String!) { audit(portfolio: $portfolio) { status } }"
COUNTS = "[...document.querySelectorAll('.audit-counts .count')].map(c => c.textContent)"


def test_audit_lists_findings_by_status_with_their_lines(page: Page, service: str) -> None:
    explore(page, service)
    tab(page, "audit")
    statuses = [f["status"] for f in api(service, AUDIT, {"portfolio": MICC_NAME})["audit"]]
    shown = {s: int(n) for s, n in (c.rsplit(" ", 1) for c in page.evaluate(COUNTS)) if int(n)}
    assert shown == {s: statuses.count(s) for s in set(statuses)}
    # « Total programme 1 [...] 5,1 »: the comparison total states 5,1 % for 5,155 %
    total = line_number(MICC.read_text(encoding="utf-8"), "Total programme 1\t")
    page.click(".finding.status-ROUNDING")
    page.wait_for(f"{HIGHLIGHTED}.some(l => l[0] === {total})")
    assert page.evaluate(visible(total))
    assert "5,1" in page.evaluate("document.getElementById('details').textContent")
    page.screenshot(ARTIFACTS / "explore-audit.png")


def test_each_view_links_to_its_query_in_graphiql(page: Page, service: str) -> None:
    explore(page, service)
    for view in ("treemap", "org", "serves", "audit"):
        tab(page, view)
        link = page.evaluate("document.getElementById('graphiql-link').getAttribute('href')")
        assert urlsplit(link).path == "/graphql"
        params = parse_qs(urlsplit(link).query)
        data = api(service, params["query"][0], json.loads(params["variables"][0]))
        root = {"audit": "audit", "serves": "programs"}.get(view, "portfolio")
        assert data[root]
        opened = httpx.get(service + link, headers={"Accept": "text/html"})
        assert opened.headers["content-type"].startswith("text/html")
        assert "graphiql-page.js" in opened.text
