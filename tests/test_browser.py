"""The published site in a real browser: Playwright driving Debian's chromium against `referater serve`.

Screenshots go to a temporary folder, or to $SCREENSHOTS_DIR (`make screenshots` sets docs/screenshots).
"""

import os
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

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip
SERVER_START_SECONDS = 60
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
