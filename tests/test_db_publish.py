"""What publishing adds to the database: KLE import, facet columns and search indexes kept in step."""

from pathlib import Path

from click.testing import CliRunner

from referater import EXAMPLES
from referater import db as store
from referater.cli import cli
from referater.nlp.stemming import family_key, words
from referater.parsers.kle import decode_kle_emne, parse_kle

KLE_XML = Path(__file__).parent / "data" / "kle-test.xml"


def ingest(db_path, *args):
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--db", str(db_path), "-s", *args],
                                catch_exceptions=False)  # fmt: skip
    assert result.exit_code == 0, result.output


def test_kle_import_stores_the_plan_and_titles_reach_the_codes_in_sagsnumre(tmp_path):
    db_path = tmp_path / "referater.db"
    ingest(db_path)
    result = CliRunner().invoke(cli, ["kle", "import", str(KLE_XML), "--db", str(db_path)], catch_exceptions=False)
    assert result.exit_code == 0 and result.output == f"6 KLE-numre indlæst i {db_path}\n"
    db = store.open_db(db_path)
    imported = {r["nummer"]: r for r in parse_kle(KLE_XML.read_bytes())}
    stored = {r["nummer"]: r for r in db.query("select * from kle")}
    for nummer, row in imported.items():
        assert stored[nummer] == {**row, "betegnelse": f"{nummer} {row['titel']}"}
    used = {r["kle_emne"] for r in db.query("select kle_emne from punkt where kle_emne is not null")}
    assert {n for n, r in stored.items() if r["niveau"] == "emne" and r["titel"] is None} == used - set(imported)


def test_kle_import_reports_a_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "plan.xml"
    bad.write_text("<KLE-Emneplan><Hovedgruppe>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["kle", "import", str(bad), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Fejl: {bad}: ugyldig XML") and result.output.count("\n") == 1


def test_punkt_facet_columns_come_from_sagsnummer_and_date(tmp_path):
    db_path = tmp_path / "referater.db"
    ingest(db_path)
    rows = store.open_db(db_path).query(
        "select p.maaned, p.dato, p.kle_hovedgruppe, p.kle_gruppe, p.kle_emne, p.handlingsfacet, "
        "s.emne, s.handlingsfacet as sag_facet from punkt p left join sag s on s.id = p.sag_id")
    for row in rows:
        koder = decode_kle_emne(row["emne"])
        assert (row["maaned"], row["kle_hovedgruppe"], row["kle_gruppe"], row["kle_emne"], row["handlingsfacet"]) == (
            row["dato"][:7], koder["hovedgruppe"], koder["gruppe"], koder["emne"], row["sag_facet"])


def test_search_vocabulary_follows_forced_reingest(tmp_path):
    db_path = tmp_path / "referater.db"
    ingest(db_path)
    ingest(db_path, "--force")
    db = store.open_db(db_path)
    stored = {r["ord"]: r["noegle"] for r in db.query("select ord, noegle from soegeord")}
    held = {w for r in db.query("select titel, tekst, beslutning from punkt") for v in r.values() for w in words(v)}
    assert stored == {word: family_key(word) for word in held}
    db.execute("insert into punkt_fts(punkt_fts) values ('integrity-check')")
    db.execute("insert into soegeord_fts(soegeord_fts) values ('integrity-check')")


def test_ensure_shape_fills_new_search_and_facet_tables_for_an_existing_database(tmp_path):
    db_path = tmp_path / "referater.db"
    ingest(db_path)
    db = store.open_db(db_path)
    contents = {"soegeord": "select ord, noegle from soegeord order by ord",
                "facet_antal": "select * from facet_antal where antal > 0 order by 1, 2, 3, 4, 5"}  # fmt: skip
    before = {name: list(db.query(sql)) for name, sql in contents.items()}
    for name in ("soegeord_fts", "soegeord", "facet_antal"):
        db.execute(f"drop table {name}")
    store.ensure_shape(db)
    assert {name: list(db.query(sql)) for name, sql in contents.items()} == before
    compound = {r[0] for r in db.execute("select ord from soegeord_fts where soegeord_fts match '\"medarbejder\"'")}
    assert "medarbejdersiden" in compound
