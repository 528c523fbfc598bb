"""The published site in a real browser: Playwright driving Debian's chromium against `referater serve`.

Screenshots go to a temporary folder, or to $SCREENSHOTS_DIR (`make screenshots` sets docs/screenshots).
"""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import icalendar
import pytest
from publish_site import build_site_db

from referater.web.labels import LABELS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip
SERVER_START_SECONDS = 60
# Datasette 0.65's own English words (templates, table.js, Python messages); none may be seen on a page.
ENGLISH = [
    "rows?", "records", "results", "sorted by", "descending", "ascending", "View and edit SQL", "This data as",
    "advanced", "Advanced export", "JSON shape", "CSV options", "download file", "expand labels", "stream all rows",
    "Export CSV", "Next page", "Search", "Apply", "remove filter", "column", "Sort", "Custom SQL query", "returning",
    "Query parameters", "Run SQL", "Format SQL", "Edit SQL", "Links from other tables", "Powered by", "Queries took",
    "Data license", "Data source", "Error", "Log out", "Suggested facets", "timed out", "where clause", "Tables",
    "Queries", "Views", "hidden", "Download", "Many rows", "Facet by this", "Hide this column", "Show all columns",
    "Show not-blank rows", "Type:", "home", "not found", "took too long", "Search all tables", "more results",
    "No results", "contains", "starts with", "ends with", "is null", "not like", "is blank",
]  # fmt: skip
ENGLISH_RE = re.compile(r"\b(?:" + "|".join(ENGLISH) + r")\b")
# Outcome and type codes whose Danish word differs ("taget_til_efterretning" → "taget til efterretning").
# Owner kinds share the label "type" (table ansvarlig) but are plain words ("enhed", "ekstern") of referat text.
CODES = {code for kind in ("udfald", "type") for code, word in LABELS[kind].items()
         if code != word and code not in LABELS["ansvarlig_type"]}
# What a person sees: the rendered text (folded SQL and export options are not rendered), button and option
# labels, placeholders and the window title.
SEEN_JS = """() => [document.title, document.body.innerText,
  ...Array.from(document.querySelectorAll("input[type=submit], button")).map(e => e.value || e.innerText),
  ...Array.from(document.querySelectorAll("option")).map(e => e.innerText),
  ...Array.from(document.querySelectorAll("[placeholder]")).map(e => e.placeholder)].join("\\n")"""
RICHEST_CASE = """
select p.sag_id from punkt p join frist f on f.punkt_id = p.id
group by p.sag_id order by count(distinct p.id) desc, count(*) desc, p.sag_id limit 1
"""



@dataclass(frozen=True)
class Site:
    url: str
    db: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {SERVER_START_SECONDS} s")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """`referater serve` on a free port over the example database, as a user starts it."""
    db = build_site_db(tmp_path_factory.mktemp("browser") / "referater.db")
    port = free_port()
    cli = [str(Path(sys.executable).parent / "referater"), "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/-/versions.json", server)
        yield Site(url, db)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Fail, not skip: CI installs chromium (.ci/run), and a silently skipped browser test proves nothing.
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run apt-get install chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="da-DK")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_search_to_punkt_to_case_page_to_facet(site, page, shots):
    page.goto(site.url + "/")
    assert page.locator("#oversigt").inner_text().count("referater") == 1
    page.screenshot(path=shots / "forside.png", full_page=True)

    page.fill("#soeg-q", "sygefravær")
    page.click("#soeg input[type=submit]")
    first_hit = page.locator("table.rows-and-columns tbody tr").first
    assert "sygefravær" in first_hit.locator("mark").first.inner_text().lower()

    hit_title = first_hit.locator("td.col-Titel").inner_text()
    first_hit.locator("td.col-punkt a").click()
    page.wait_for_url("**/referater/punkt/**")
    page.screenshot(path=shots / "punkt.png", full_page=True)
    assert page.locator("#punkt-titel").inner_text() == hit_title
    sagsnummer = page.locator("a.sagsnummer").inner_text()

    page.locator("a.sagsnummer").click()
    page.wait_for_url("**/sag?nr=**")
    assert page.locator("h1").inner_text() == f"Sag {sagsnummer}"
    assert page.locator("section.sag-punkt").count() >= 1

    page.goto(site.url + "/referater/punkt?_facet=udfald")
    facet = page.locator(".facet-info[data-column=udfald] li a").first
    value = facet.inner_text()
    facet.click()
    page.wait_for_url("**udfald=**")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() >= 1 and all(
        rows.nth(i).locator("td.col-udfald").inner_text() in value for i in range(rows.count())
    )


def test_deadline_list_and_ics_download(site, page, shots):
    page.goto(site.url + "/referater/frister?fra=2025-01-01")
    shown = page.locator("table.rows-and-columns tbody tr").count()
    assert shown >= 1
    page.screenshot(path=shots / "frister.png")  # the first screenful: the list is long
    with page.expect_download() as download_info:
        page.evaluate("url => { const a = document.createElement('a'); a.href = url; a.download = 'frister.ics';"
                      " document.body.appendChild(a); a.click(); }", site.url + "/referater/frister.ics?fra=2025-01-01")  # fmt: skip
    calendar = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    assert len(calendar.walk("VEVENT")) == shown


def test_case_page_of_the_richest_case(site, page, shots):
    (sag_id,) = sqlite3.connect(site.db).execute(RICHEST_CASE).fetchone()
    expected = sqlite3.connect(site.db).execute("select count(*) from punkt where sag_id = ?", [sag_id]).fetchone()
    page.goto(f"{site.url}/sag?nr={sag_id}")
    assert (page.locator("section.sag-punkt").count(),) == expected
    assert page.locator("section.sag-punkt li").count() >= 1  # its frister (and indstillinger) are listed
    page.screenshot(path=shots / "sag.png", full_page=True)


def seen_text(page) -> str:
    return page.evaluate(SEEN_JS)


def assert_danish(page, where: str) -> None:
    text = seen_text(page)
    assert ENGLISH_RE.findall(text) == [], where
    assert CODES & set(re.findall(r"\w+", text)) == set(), where


def test_every_page_a_user_reaches_speaks_danish(site, page, shots):
    (punkt_id,) = sqlite3.connect(site.db).execute("select id from punkt order by id limit 1").fetchone()
    pages = {
        "tabel": "/referater/punkt?_facet=udfald&_facet=type",
        "filtreret tabel": "/referater/punkt?udfald=taget_til_efterretning&_sort=dato",
        "punkt": "/referater/punkt/" + punkt_id.replace("/", "~2F"),
        "række": "/referater/referat/" + punkt_id.split("/")[0],
        "frister": "/referater/frist?_facet=praecision",
        "forespørgsel": "/referater/beslutninger_pr_maaned?forum=",
        "egen SQL": "/referater?sql=select+titel%2C+udfald%2C+type+from+punkt+limit+5",
        "database": "/referater",
        "søg i alle": "/-/search?q=sygefravær",
        "søgning": "/referater/soeg?q=budgetterne",
        "fejl": "/referater/findesikke",
        "forside": "/",
    }
    for where, path in pages.items():
        page.goto(site.url + path)
        assert_danish(page, where)
    page.goto(site.url + pages["tabel"])
    page.screenshot(path=shots / "tabel.png")
    page.locator("th.col-udfald svg.dropdown-menu-icon").click()  # Datasette's column menu, built by table.js
    menu = page.locator(".dropdown-menu")
    assert "Sortér stigende" in menu.inner_text() and "Datatype: tekst" in menu.inner_text()
    assert_danish(page, "kolonnemenu")
    page.goto(site.url + pages["søg i alle"])
    page.screenshot(path=shots / "soeg-alle.png")
    hits = page.locator("li.fund-punkt")
    assert hits.count() >= 1 and hits.first.locator("mark").count() >= 1
    title = hits.first.locator("a.fund-titel").inner_text()
    hits.first.locator("a.fund-titel").click()
    page.wait_for_url("**/referater/punkt/**")
    assert page.locator("#punkt-titel").inner_text() == title
