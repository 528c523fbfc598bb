"""Bad agenda exports get what bad PDFs get: one line naming the file and what is wrong, nothing stored, the run goes on."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import DATA, EXAMPLES
from referater.cli import cli

EXPORTS = DATA / "exports"
MEETING = json.loads((EXPORTS / "firstagenda-moede.json").read_text(encoding="utf-8"))
SBSYS = (EXPORTS / "sbsys-publication.xml").read_bytes()
EDOC = (EXPORTS / "edoc-agendaweb.xml").read_bytes()
NOT_AN_EXPORT = "giv en FirstAgenda-JSON eller en eDoc-, SBSYS- eller Acadre-XML"


def as_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


BAD = {
    "indstillinger.json": (as_json({"tema": "mørkt", "sprog": "da"}),
                           f"ikke en dagsordenseksport (JSON): {NOT_AN_EXPORT}"),
    "udvalgsliste.json": (as_json({"Udvalg": {"Aktuelle politiske udvalg": [{"Id": "1", "Navn": "X", "Moeder": []}]}}),
                          "dette er FirstAgenda-portalens udvalgsliste, ikke et møde: hent møderne med "
                          "'referater hent PORTAL-URL'"),
    "afbrudt.json": (as_json(MEETING)[:300], "ugyldig JSON (Unterminated string starting at: line 1 column 74 "
                                             "(char 73)): eksportér eller hent filen igen"),
    "uden-punkter.json": (as_json({**MEETING, "Dagsordenpunkter": []}),
                          "FirstAgenda-mødet har ingen punkter ('Dagsordenpunkter' er tom)"),
    "ny-version.xml": (SBSYS.replace(b"<PublicationTypeAsValue><![CDATA[2]]>", b"<PublicationTypeAsValue><![CDATA[7]]>"),
                       "ukendt version af SBSYS-eksporten (PublicationTypeAsValue 7); kendte er 0, 1, 2"),
    "kladde.xml": (EDOC.replace(b">Minute<", b">Draft<"),
                   "ukendt version af eDoc-eksporten (OutputTypeEnumName 'Draft'); kendte er Agenda, Minute"),
    "ingen-punkter.xml": (b"<Publication><PublicationTypeAsValue>1</PublicationTypeAsValue><Agendas><Agenda><Meeting/>"
                          b"<Items/></Agenda></Agendas></Publication>",
                          "SBSYS-eksporten har ingen punkter (ingen Items/Item)"),
    "afskaaret.xml": (SBSYS[:400], "ugyldig XML (unclosed token: line 11, column 12): eksportér filen igen fra "
                                   "dagsordenssystemet"),
    "emneplan.xml": (b"<KLE-Emneplan><Hovedgruppe/></KLE-Emneplan>",
                     f"ikke en dagsordenseksport (XML med rodelementet <KLE-Emneplan>): {NOT_AN_EXPORT}"),
    "tom-zip.zip": (b"PK\x03\x04 ikke en rigtig zip", "zip-filen kan ikke læses (File is not a zip file): pak eksporten igen"),
}  # fmt: skip


def run(*args):
    result = CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def dump(path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


@pytest.mark.parametrize("name", BAD)
def test_bad_export_is_one_line_and_stores_nothing(tmp_path, name):
    data, message = BAD[name]
    db = tmp_path / "r.db"
    assert run("ingest", EXAMPLES / "chefforum-2025-01-29.txt", "--db", db, "-s")[0] == 0
    before = dump(db)
    bad = tmp_path / name
    bad.write_bytes(data)
    code, _out, err = run("ingest", bad, "--db", db, "-s")
    assert (code, err) == (1, f"{bad}: {message}\n")
    assert dump(db) == before


def test_a_bad_export_does_not_stop_the_run(tmp_path):
    folder = tmp_path / "eksporter"
    folder.mkdir()
    (folder / "afbrudt.json").write_bytes(BAD["afbrudt.json"][0])
    (folder / "moede.json").write_bytes((EXPORTS / "firstagenda-moede.json").read_bytes())
    (folder / "publication.xml").write_bytes(SBSYS)
    (folder / "noter.xml").write_bytes(b"<noter><note>ikke et m\xc3\xb8de</note></noter>")  # not picked up in a folder
    (folder / "pakke.json").write_bytes(b'{"name": "noget andet"}')  # neither
    code, out, err = run("ingest", folder, "--db", tmp_path / "r.db", "--json")
    assert (code, err.splitlines()) == (1, [f"{folder / 'afbrudt.json'}: {BAD['afbrudt.json'][1]}"])
    status = {r["kilde"].rsplit("/", 1)[-1]: r["status"] for r in json.loads(out)}
    assert status == {"afbrudt.json": "failed", "moede.json": "ingested", "publication.xml": "ingested"}
