"""The published site through Datasette's test client: metadata, front page, search, case page, feeds."""

import asyncio
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from urllib.parse import quote

import feedparser
import icalendar
import pytest
import yaml
from markupsafe import escape
from publish_site import build_site_db

from referater import db as store
from referater.nlp.stemming import family_key, words
from referater.publish import METADATA, make_datasette
from referater.web.labels import LABELS, label

ATOM = "{http://www.w3.org/2005/Atom}"
BASE_URL = "http://localhost"  # what Datasette's test client calls itself


@pytest.fixture(scope="module")
def site_db(tmp_path_factory):
    return build_site_db(tmp_path_factory.mktemp("site") / "referater.db")


@pytest.fixture(scope="module")
def client(site_db):
    return make_datasette(site_db).client


@pytest.fixture(scope="module")
def sql(site_db):
    conn = sqlite3.connect(site_db)
    conn.row_factory = sqlite3.Row
    return lambda query, params=(): [dict(r) for r in conn.execute(query, params).fetchall()]


def get(client, path):
    response = asyncio.run(client.get(path))
    assert response.status_code == 200, (path, response.text[:300])
    return response


def get_json(client, path):
    return get(client, path + ("&" if "?" in path else "?") + "_shape=objects").json()["rows"]


def test_every_table_and_column_has_a_danish_description(sql):
    tables = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["referater"]["tables"]
    names = [r["name"] for r in sql("select name from sqlite_master where type in ('table', 'view') and sql not like "
                                     "'%VIRTUAL TABLE%' and name not like '%fts%'")]  # fmt: skip
    described = {name: set(tables.get(name, {}).get("columns", {})) for name in names}
    columns = {name: {r["name"] for r in sql(f"pragma table_info([{name}])")} for name in names}
    assert described == columns
    assert all(tables[name].get("title") and tables[name].get("description") for name in names)
    assert all(tables[name].get("label_column") in columns[name] for name in names)


def test_front_page_says_what_is_in_the_database(client, sql):
    html = get(client, "/").text
    (figures,) = sql("select count(*) as referater, min(dato) as fra, max(dato) as til from referat")
    punkter = sql("select count(*) as n from punkt")[0]["n"]
    aabne = sql("select count(*) as n from frist where dato >= date('now')")[0]["n"]
    for expected in (f"<strong>{figures['referater']}</strong> referater", f"<strong>{punkter}</strong> punkter",
                     f"<strong>{figures['fra']}</strong> til <strong>{figures['til']}</strong>",
                     f"<strong>{aabne}</strong> åbne frister"):  # fmt: skip
        assert expected in html


def punkt_ids(rows):
    return {row["punkt"] for row in rows}


def test_stemmed_search_finds_other_inflections(client, sql):
    literal = {r["id"] for r in sql("select id from punkt where titel || tekst like '%budgettet%'")}
    rows = get_json(client, "/referater/soeg.json?q=budgetterne")
    assert literal and literal <= punkt_ids(rows)
    for row in rows:  # every hit really holds a word of the query's family, or a compound holding one
        (text,) = sql("select titel || ' ' || tekst as t from punkt where id = ?", [row["punkt"]])
        assert any(family_key(w) == family_key("budgetterne") or "budget" in w for w in words(text["t"]))


def test_trigram_search_finds_part_of_compound_word(client, sql):
    expected = {r["id"] for r in sql("select id from punkt where lower(titel || ' ' || coalesce(tekst, '') || ' ' "
                                     "|| coalesce(beslutning, '')) like '%medarbejder%'")}  # fmt: skip
    compound = {r["id"] for r in sql("select id from punkt where tekst like '%medarbejdersiden%'")}
    assert compound and punkt_ids(get_json(client, "/referater/soeg.json?q=medarbejder")) == expected


def test_search_snippet_is_highlighted_and_escaped(client):
    html = get(client, "/referater/soeg?q=sygefravær").text
    assert "<mark>sygefravær</mark>" in html.lower() or "<mark>sygefraværet</mark>" in html.lower()


def test_case_page_shows_whole_history(client, sql):
    (sag,) = sql("select sag_id from punkt group by sag_id order by count(*) desc, sag_id limit 1")
    expected = sql("select id, titel, dato from punkt where sag_id = ? order by dato desc, nummer", [sag["sag_id"]])
    for typed in (sag["sag_id"].lower(), f"Sagsnr. {sag['sag_id']} "):  # as users type it, label and all
        html = get(client, f"/sag?nr={quote(typed)}").text
        positions = [html.index(f"{row['dato']} · ") for row in expected]
        assert positions == sorted(positions) and len(expected) > 1
        assert html.count('class="sag-punkt"') == len(expected)
        assert all(row["titel"] in html for row in expected)


def test_case_page_suggests_close_sagsnumre(client, sql):
    (sag,) = sql("select id from sag order by id limit 1")
    response = asyncio.run(client.get(f"/sag?nr={sag['id'][:-1]}"))
    assert response.status_code == 404 and f">{sag['id']}</a>" in response.text


def test_every_sagsnummer_links_to_its_case_page(client, sql):
    html = get(client, "/referater/punkt?_size=max").text
    for (sag_id,) in {(r["sag_id"],) for r in sql("select sag_id from punkt where sag_id is not null")}:
        assert f'href="/sag?nr={sag_id}"' in html


def test_facets_on_kle_show_titles_from_the_imported_plan(client, sql):
    data = get(client, "/referater/punkt.json?_facet=kle_hovedgruppe&_size=0").json()
    labels = {v["value"]: v["label"] for v in data["facet_results"]["kle_hovedgruppe"]["results"]}
    titles = {r["nummer"]: r["betegnelse"] for r in sql("select nummer, betegnelse from kle where niveau = 'hovedgruppe'")}
    assert labels == {k: v for k, v in titles.items() if k in labels} and labels["00"].startswith("00 Styring")


def punkt_page_title(client, url: str) -> str:
    """Open an absolute punkt URL from a feed on the test server and return the punkt page's title."""
    assert url.startswith(BASE_URL + "/referater/punkt/"), url
    html = get(client, url[len(BASE_URL):]).text
    return html.split('<h1 id="punkt-titel">', 1)[1].split("</h1>", 1)[0]


def test_ics_feed_has_one_all_day_event_per_open_frist(client, sql):
    expected = sql("select f.id, f.dato, f.ansvarlig, f.handling, f.tekst, p.titel from frist f "
                   "join punkt p on p.id = f.punkt_id where f.dato >= '2025-01-01' and f.ansvarlig like '%Økonomi%' "
                   "order by f.dato, f.id")  # fmt: skip
    body = get(client, "/referater/frister.ics?fra=2025-01-01&ansvarlig=Økonomi").text
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    # A calendar is a set of events: compare without order. Each frist is an all-day event: DATE values, so a
    # calendar shows it on its day, not at 00:00; DTEND is the next day (exclusive).
    assert sorted((str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"])) for e in events) == sorted(
        (f"frist-{row['id']}@referater", date.fromisoformat(row["dato"]),
         date.fromisoformat(row["dato"]) + timedelta(days=1), f"{row['ansvarlig']}: {row['handling'] or row['tekst']}")
        for row in expected
    )  # fmt: skip
    assert expected and all(type(e.decoded("DTSTART")) is date for e in events)
    titles = {row["id"]: row["titel"] for row in expected}
    for event in events:  # the event links to its punkt and names it in the description
        frist_id = str(event["UID"])[len("frist-"):-len("@referater")]
        assert str(event["DESCRIPTION"]).startswith(f"Punkt: {titles[frist_id]}\n")
        assert punkt_page_title(client, str(event["URL"])) == escape(titles[frist_id])


def test_atom_feed_lists_newest_beslutninger_with_absolute_links(client, sql):
    expected = sql("select id, titel, udfald from punkt where beslutning is not null order by dato desc, nummer desc "
                   "limit 50")  # fmt: skip
    feed = feedparser.parse(get(client, "/referater/nyeste_beslutninger.atom").content)
    assert not feed.bozo and feed.feed.title == "Nyeste beslutninger"
    assert sorted(e.id for e in feed.entries) == sorted(r["id"] for r in expected)
    by_id = {r["id"]: r for r in expected}
    for entry in feed.entries:  # a feed reader opens the entry's link: the punkt page itself
        assert punkt_page_title(client, entry.link) == escape(by_id[entry.id]["titel"])
        assert entry.content[0].value.startswith(f"Udfald: {label('udfald', by_id[entry.id]['udfald'])}\n")


def test_search_page_offers_feeds_of_the_search(client, sql):
    html = get(client, "/referater/soeg?q=budgetterne").text
    atom = "/referater/soeg_beslutninger.atom?q=budgetterne"
    ics = "/referater/soeg_frister.ics?q=budgetterne&amp;fra="
    assert f'href="{atom}"' in html and f'href="{ics}"' in html
    hits = [r["punkt"] for r in get_json(client, "/referater/soeg.json?q=budgetterne&_size=max")]
    decided = {r["id"] for r in sql(f"select id from punkt where beslutning is not null and id in "
                                     f"({', '.join('?' * len(hits))})", hits)}  # fmt: skip
    feed = feedparser.parse(get(client, atom).content)
    assert decided and {e.id for e in feed.entries} == decided
    # The page's link follows frister from today; the example referater are from 2025.
    frister = sql(f"select id from frist where dato >= '2025-01-01' and punkt_id in ({', '.join('?' * len(hits))})", hits)
    events = icalendar.Calendar.from_ical(get(client, ics.replace("&amp;", "&") + "2025-01-01").text).walk("VEVENT")
    assert frister and {str(e["UID"]) for e in events} == {f"frist-{r['id']}@referater" for r in frister}


def test_search_feeds_of_a_search_without_hits(client):
    feed = feedparser.parse(get(client, "/referater/soeg_beslutninger.atom?q=zzxqy").content)
    assert [e.title for e in feed.entries] == ["Ingen beslutninger endnu"]
    assert icalendar.Calendar.from_ical(get(client, "/referater/soeg_frister.ics?q=zzxqy&fra=").text).walk("VEVENT") == []


def test_referat_text_is_shown_escaped(tmp_path):
    # Any file name works: the metadata and the punkt page follow the database name.
    db_path = build_site_db(tmp_path / "kommune.db")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("update punkt set titel = '<script>alert(1)</script>', beslutning = '<b>fed</b>' "
                     "where rowid = 1")  # fmt: skip
        (pid, sag_id) = conn.execute("select id, sag_id from punkt where rowid = 1").fetchone()
    client = make_datasette(db_path).client
    punkt_page = "/kommune/punkt/" + pid.replace("/", "~2F")
    pages = (f"/sag?nr={sag_id}", "/kommune/punkt?_size=max", "/kommune/nyeste_beslutninger", punkt_page,
             "/kommune/soeg?q=alert")  # fmt: skip
    for path in pages:
        html = get(client, path).text
        assert "<script>alert(1)" not in html and "<b>fed</b>" not in html, path
    for path in (f"/sag?nr={sag_id}", punkt_page):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in get(client, path).text
    assert '<h1 id="punkt-titel">&lt;script&gt;' in get(client, punkt_page).text


def test_served_read_only_with_time_limit(client):
    settings = get(client, "/-/settings.json").json()
    assert settings["sql_time_limit_ms"] == 3000 and settings["suggest_facets"] is False
    response = asyncio.run(client.get("/referater.json?sql=delete+from+punkt"))
    assert response.status_code == 400 and "Statement must be a SELECT" in response.text


def test_search_all_shows_title_forum_date_excerpt_and_link(client, sql):
    html = get(client, "/-/search?q=sygefravær").text
    hits = get_json(client, "/referater/soeg.json?q=sygefravær&_size=max")
    shown = html.split('<ol class="fund">', 1)[1].split("</ol>", 1)[0].split('<li class="fund-punkt">')[1:]
    assert len(shown) == min(len(hits), 10) and len(hits) > 1
    for hit, item in zip(hits, shown):  # the same punkter in the same order as the Danish search
        link = f'href="/referater/punkt/{hit["punkt"].replace("/", "~2F")}"'
        assert link in item and f"<strong>{escape(hit['Titel'])}</strong>" in item
        assert f"{hit['Kommune']} · {hit['Forum']} · {hit['Dato']}" in item and "<mark>" in item
    assert f"<h2>{len(hits)} punkter i referater</h2>" in html


def test_search_all_lists_the_frister_of_the_punkter_found(client, sql):
    (frist,) = sql("select f.handling, f.punkt_id from frist f where handling is not null order by id limit 1")
    word = max(re.findall(r"\w+", frist["handling"].lower()), key=len)  # a word some frist surely holds
    html = get(client, f"/-/search?q={word}").text
    assert escape(frist["handling"]) in html.split("<h3>Frister i punkterne</h3>", 1)[1]
    # Each table's own search box still finds exact words (Datasette's _search on the FTS index).
    for table, columns in (("frist", ("tekst", "handling", "ansvarlig")), ("punkt", ("titel", "tekst", "beslutning"))):
        rows = sql(f"select id, {' || char(10) || '.join(f'coalesce({c}, {chr(39)}{chr(39)})' for c in columns)} as t "
                   f"from {table}")  # fmt: skip
        expected = {r["id"] for r in rows if word in re.findall(r"\w+", r["t"].lower())}
        found = {r["id"] for r in get_json(client, f"/referater/{table}.json?_search={word}&_size=max")}
        assert found == expected, table
        assert expected or table == "punkt", "the word comes from a frist, so frist must have a hit"


def test_search_all_page_is_danish(client):
    html = get(client, "/-/search?q=sygefravær").text
    assert "<h1>Søg i alle kommuner</h1>" in html and 'href="/referater/soeg?q=sygefrav%C3%A6r"' not in html
    assert 'href="/referater/soeg_beslutninger.atom?q=sygefrav%C3%A6r"' in html


def test_frister_facet_by_month_and_ansvarlig(client, sql):
    data = get(client, "/referater/frist.json?_facet=maaned&_facet=ansvarlig&_size=0").json()
    for column, expression in (("maaned", "substr(dato, 1, 7)"), ("ansvarlig", "ansvarlig")):
        facet = {v["value"]: v["count"] for v in data["facet_results"][column]["results"]}
        expected = {r["v"]: r["n"] for r in sql(f"select {expression} as v, count(*) as n from frist "
                                                 f"where {expression} is not null group by v")}  # fmt: skip
        assert facet == expected, column


def test_every_canned_query_answers(client):
    queries = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["referater"]["queries"]
    for name in queries:
        get(client, f"/referater/{name}")
        get(client, f"/referater/{name}.json")


def test_decisions_per_month_and_outcome(client, sql):
    rows = get_json(client, "/referater/beslutninger_pr_maaned.json?forum=Chefforum")
    expected = sql("select maaned, udfald, count(*) as n from punkt where beslutning is not null "
                   "and forum = 'Chefforum' group by maaned, udfald")  # fmt: skip
    assert sorted((r["Måned"], r["Udfald"], r["Antal"]) for r in rows) == sorted(
        (r["maaned"], r["udfald"], r["n"]) for r in expected
    )


def test_case_page_shows_the_behandling_trail(tmp_path):
    # The example referater quote no earlier bodies, so two trail rows are added to table behandling.
    db_path = build_site_db(tmp_path / "referater.db")
    conn = sqlite3.connect(db_path)
    (pid, sag_id) = conn.execute("select id, sag_id from punkt where sag_id is not null order by id limit 1").fetchone()
    trail = [(f"{pid}/1", pid, 1, "Økonomiudvalget", "2025-01-14", 7, "Indstilles godkendt.", sag_id),
             (f"{pid}/2", pid, 2, "Direktionen", None, None, "Anbefales.", sag_id)]  # fmt: skip
    with conn:
        conn.executemany("insert into behandling (id, punkt_id, position, organ, dato, punkt_nummer, udtalelse, sag_id) "
                         "values (?, ?, ?, ?, ?, ?, ?, ?)", trail)  # fmt: skip
    html = get(make_datasette(db_path).client, f"/sag?nr={sag_id}").text
    trail_html = html[html.index('<ul class="behandling">'):]
    assert trail_html.index("<li>Økonomiudvalget, 2025-01-14, pkt. 7: Indstilles godkendt.</li>") < trail_html.index(
        "<li>Direktionen: Anbefales.</li>")


def test_pages_and_feeds_answer_on_an_empty_database(tmp_path):
    store.open_db(tmp_path / "referater.db").close()
    client = make_datasette(tmp_path / "referater.db").client
    for path in ("/", "/referater/soeg?q=budget", "/referater/punkt", "/-/search?q=budget",
                 "/referater/beslutninger_pr_maaned"):  # fmt: skip
        get(client, path)
    assert "<strong>0</strong> referater" in get(client, "/").text
    feed = ET.fromstring(get(client, "/referater/nyeste_beslutninger.atom").content)
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == ["Ingen beslutninger endnu"]


def visible_codes(html: str) -> set[str]:
    """Codes (udfald, type, præcision) whose Danish word differs, found as words in the text of a page (not in
    the SQL shown to those who unfold it)."""
    text = re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style|pre|textarea)\b.*?</\1>", " ", html))
    # the owner kinds share the column name "type" but "enhed", "ekstern", "organ" are also words of the referat
    # texts the pages show; their cells are checked by class in test_owner_kinds_are_shown_as_danish_words
    codes = {code for kind in ("udfald", "type", "praecision") for code, word in LABELS[kind].items()
             if code != word and code not in LABELS["ansvarlig_type"]}
    return codes & set(re.findall(r"\w+", text))


def test_owner_kinds_are_shown_as_danish_words(client):
    html = get(client, "/referater/frist?_size=max").text
    kinds = set(re.findall(r'<td class="col-ansvarlig_type[^"]*">([^<]*)</td>', html))
    assert "politisk organ" in kinds and not kinds & {"organ", "enhed", "ekstern"}


def test_codes_are_shown_as_danish_words(client, sql):
    html = get(client, "/referater/punkt?_size=max&_facet=type").text
    data = get(client, "/referater/punkt.json?_facet=udfald&_facet=type&_size=0").json()
    for column in ("udfald", "type"):  # every facet value shows its word and links with its code
        for value in data["facet_results"][column]["results"]:
            link = rf'<a href="[^"]*[?;]{column}={value["value"]}(&amp;[^"]*)?">{escape(label(column, value["value"]))}</a>'
            assert re.search(link, html), link
    (row,) = sql("select id, udfald from punkt where udfald = 'taget_til_efterretning' order by id limit 1")
    assert '<td class="col-udfald type-str">taget til efterretning</td>' in html
    for path in ("/referater/punkt?_size=max", f"/referater/punkt/{row['id'].replace('/', '~2F')}",
                 "/referater/beslutninger_pr_maaned", "/referater/frister?fra=2025-01-01", "/referater/frist?_size=max",
                 "/sag?nr=00.01.00-A00-32-24", "/-/search?q=budget", "/referater/soeg?q=budget"):  # fmt: skip
        assert visible_codes(get(client, path).text) == set(), path


def test_list_columns_render_as_lists(client, sql):
    (row,) = sql("select id, indstillinger, afsnit from punkt where json_array_length(indstillinger) > 1 order by id "
                 "limit 1")  # fmt: skip
    html = get(client, f"/referater/punkt?id={quote(row['id'])}").text
    items = "".join(f"<li>{escape(at)}</li>" for at in json.loads(row["indstillinger"]))
    assert f'<td class="col-indstillinger type-str"><ol class="liste">{items}</ol></td>' in html
    names = [a["navn"] for a in json.loads(row["afsnit"])]
    cell = html.split('<td class="col-afsnit type-str">', 1)[1].split("</td>", 1)[0]
    assert re.findall(r"<li><strong>(.*?)</strong>", cell) == [str(escape(n)) for n in names]
    assert '["' not in html.split("<tbody>", 1)[1]  # no raw JSON array left in any cell
    empty = get(client, "/referater/referat?antal_advarsler=0&_size=1").text  # an empty list is an empty cell
    assert '<td class="col-advarsler type-str">&nbsp;</td>' in empty and "[]" not in empty.split("<tbody>", 1)[1]


def test_case_page_counts_punkter_and_moeder(client, sql):
    for (sag_id,) in [tuple(r.values()) for r in sql("select distinct sag_id from punkt where sag_id is not null")]:
        (n,) = sql("select count(*) as punkter, count(distinct referat_id) as moeder from punkt where sag_id = ?",
                   [sag_id])  # fmt: skip
        html = get(client, f"/sag?nr={quote(sag_id)}").text
        words = ("punkt" if n["punkter"] == 1 else "punkter", "møde" if n["moeder"] == 1 else "møder")
        assert (f"<strong>{n['punkter']}</strong> {words[0]} på <strong>{n['moeder']}</strong> {words[1]}, nyeste "
                "først.") in html, sag_id  # fmt: skip


def test_table_and_error_pages_speak_danish(client):
    html = get(client, "/referater/punkt").text
    assert "<h3>45 rækker sorteret efter dato (faldende)</h3>" in html
    assert '<h3>1 række hvor udfald = udsat, sorteret efter dato (faldende)</h3>' in get(
        client, "/referater/punkt?udfald=udsat").text
    response = asyncio.run(client.get("/referater/findesikke"))
    assert response.status_code == 404 and "<h1>Siden findes ikke</h1>" in response.text
    assert "Tabellen findes ikke." in response.text


def test_kommune_is_a_facet_and_on_the_punkt_page(client, sql):
    data = get(client, "/referater/punkt.json?_size=0").json()
    assert {v["value"]: v["count"] for v in data["facet_results"]["kommune"]["results"]} == {
        "Albertslund Kommune": sql("select count(*) as n from punkt")[0]["n"]}
    html = get(client, "/referater/punkt/chefforum-2025-01-29~2F3").text
    assert '<span class="kommune">Albertslund Kommune</span>' in html


def test_serving_several_databases(site_db, tmp_path):
    # A second municipality: the same referater under another name, so every figure doubles.
    other = tmp_path / "oestby.db"
    other.write_bytes(site_db.read_bytes())
    with sqlite3.connect(other) as conn:
        for table in ("referat", "punkt"):
            conn.execute(f"update {table} set kommune = 'Østby Kommune'")
    client = make_datasette([site_db, other]).client
    front = get(client, "/").text
    (punkter,) = sqlite3.connect(site_db).execute("select count(*) from punkt").fetchone()
    assert f"<strong>{2 * punkter}</strong> punkter" in front
    assert "<strong>Albertslund Kommune</strong></a>\n    (referater)" in front
    assert "<strong>Østby Kommune</strong></a>\n    (oestby)" in front
    search = get(client, "/-/search?q=sygefravær").text
    assert re.findall(r"<h2>(\d+) punkter i (\w+)</h2>", search) == [("6", "referater"), ("6", "oestby")]
    assert 'href="/oestby/punkt/chefforum-2025-01-29~2F3"' in search
    case = get(client, "/sag?nr=00.01.00-A00-32-24").text
    assert "Albertslund Kommune, Østby Kommune." in case and 'href="/oestby/punkt/' in case
    assert get(client, "/oestby/punkt?_facet=kommune").status_code == 200
