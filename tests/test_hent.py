"""`referater hent` against a local FirstAgenda portal (tests/fake_portal.py): fetch, filter, retry, resume, fail in one line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_portal import MEETINGS, FakePortal

from referater.cli import cli

FAST = ["--pause", "0", "-s"]
REFERATER = Path(sys.executable).with_name("referater")


def hent(portal_url: str, db: Path, *args: str):
    result = CliRunner().invoke(cli, ["hent", portal_url, "--db", str(db), *FAST, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def stored(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute("select id, _kilde, _format, antal_punkter from referat order by dato").fetchall()


def url(portal: FakePortal, index: int) -> str:
    return portal.url + portal.meeting_path(index)


@pytest.fixture
def portal():
    with FakePortal() as running:
        yield running


def test_hent_fetches_every_meeting_and_stores_it_under_its_url(tmp_path, portal):
    db = tmp_path / "r.db"
    assert hent(portal.url, db, "--json")[0] == 0
    assert stored(db) == [
        ("miljoe-og-teknikudvalget-2025-02-10", url(portal, 0), "firstagenda", 4),
        ("miljoe-og-teknikudvalget-2025-03-10", url(portal, 1), "firstagenda", 4),
        ("oekonomiudvalget-2025-03-17", url(portal, 2), "firstagenda", 4),
    ]
    assert portal.requests == ["/api/agenda/udvalgsliste"] + [portal.meeting_path(i) for i in range(3)]


def test_udvalg_and_dates_choose_the_meetings(tmp_path, portal):
    db = tmp_path / "r.db"
    code, out, _ = hent(portal.url + "/api/agenda/udvalgsliste", db, "--udvalg", "miljø", "--fra", "2025-03-01",
                        "--json")  # fmt: skip
    assert code == 0 and [r["kilde"] for r in json.loads(out)] == [url(portal, 1)]
    assert [row[0] for row in stored(db)] == ["miljoe-og-teknikudvalget-2025-03-10"]
    code, out, _ = hent(portal.url, db, "--til", "2025-03-10", "--json")
    assert [r["status"] for r in json.loads(out)] == ["ingested", "unchanged"]


def test_a_second_run_fetches_nothing_already_stored(tmp_path, portal):
    db = tmp_path / "r.db"
    hent(portal.url, db)
    portal.requests.clear()
    code, out, err = hent(portal.url, db, "--json")
    assert (code, err) == (0, "")
    assert [r["status"] for r in json.loads(out)] == ["unchanged"] * 3
    assert portal.requests == ["/api/agenda/udvalgsliste"]


def test_server_errors_are_retried(tmp_path, portal):
    portal.failures[portal.meeting_path(1)] = [503, 500]
    code, _out, err = hent(portal.url, tmp_path / "r.db")
    assert (code, err) == (0, "")
    assert portal.requests.count(portal.meeting_path(1)) == 3
    assert len(stored(tmp_path / "r.db")) == 3


@pytest.mark.parametrize("trouble, message", [
    ("failures", "portalen svarer med fejl (HTTP 500) efter 4 forsøg: prøv igen senere"),
    ("stalls", "portalen svarer ikke (timeout) efter 4 forsøg: prøv igen senere"),
    ("garbage", "svarede ikke med en udvalgsliste (JSONDecodeError): er adressen en FirstAgenda-portal?"),
])  # fmt: skip
def test_a_failing_portal_is_reported_in_one_line(tmp_path, portal, trouble, message):
    listing = "/api/agenda/udvalgsliste"
    if trouble == "failures":
        portal.failures[listing] = [500] * 4
    elif trouble == "stalls":
        portal.stalls[listing] = 1.0
    else:
        portal.bodies[listing] = b"<!DOCTYPE html><html><body>Vedligeholdelse</body></html>"
    code, out, err = hent(portal.url, tmp_path / "r.db", "--timeout", "0.2")
    assert (code, out, err) == (1, "", f"Fejl: {portal.url}: {message}\n")
    assert not (tmp_path / "r.db").exists()


def test_a_portal_that_fails_mid_run_stops_keeps_what_was_fetched_and_resumes(tmp_path, portal):
    db = tmp_path / "r.db"
    portal.failures[portal.meeting_path(1)] = [502] * 4
    code, _out, err = hent(portal.url, db)
    assert code == 1
    assert err == (f"{portal.url}: portalen svarer med fejl (HTTP 502) efter 4 forsøg: prøv igen senere "
                   "(1 af 3 møder behandlet; kør igen for resten)\n")  # fmt: skip
    assert [row[1] for row in stored(db)] == [url(portal, 0)]
    portal.requests.clear()
    assert hent(portal.url, db) == (0, "", "")
    assert portal.requests == ["/api/agenda/udvalgsliste", portal.meeting_path(1), portal.meeting_path(2)]
    assert len(stored(db)) == 3


def test_a_meeting_that_is_garbage_is_one_line_and_the_others_go_in(tmp_path, portal):
    portal.bodies[portal.meeting_path(0)] = b'{"Dagsordenpunkter": "ikke en liste", "Moede": {}}'
    code, _out, err = hent(portal.url, tmp_path / "r.db")
    assert (code, err) == (1, f"{url(portal, 0)}: ukendt version af FirstAgenda-eksporten: 'Dagsordenpunkter' er ikke "
                              "en liste af punkter\n")  # fmt: skip
    assert [row[1] for row in stored(tmp_path / "r.db")] == [url(portal, 1), url(portal, 2)]


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def stored_count(db: Path) -> int:
    try:
        return len(stored(db))
    except sqlite3.Error:
        return 0


def test_hent_resumes_after_being_killed(tmp_path, portal):
    db = tmp_path / "r.db"
    portal.stalls[portal.meeting_path(1)] = 60  # the run hangs on the second meeting until it is killed
    process = subprocess.Popen([str(REFERATER), "hent", portal.url, "--db", str(db), *FAST],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        wait_for(lambda: stored_count(db) == 1 and portal.meeting_path(1) in portal.requests)
    finally:
        process.kill()
        process.wait()
    portal.stalls.clear()
    portal.requests.clear()
    assert hent(portal.url, db) == (0, "", "")
    assert portal.requests == ["/api/agenda/udvalgsliste", portal.meeting_path(1), portal.meeting_path(2)]
    assert [row[1] for row in stored(db)] == [url(portal, i) for i in range(len(MEETINGS))]
