"""The scale-corpus generator: what it writes is what the parser reads back, deterministically."""

import json
from collections import Counter
from pathlib import Path

from benchmarks.generate import generate
from referater import EXAMPLES
from referater.pipeline import parse_file



def manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def parsed_entry(out: Path, entry: dict) -> dict:
    """The manifest entry as the parser sees the generated file."""
    referat = parse_file(out / entry["fil"])
    punkter = [{"nummer": p.nummer, "titel": p.titel, "sagsnummer": p.sagsnummer.raw} for p in referat.punkter]
    return {"forum": referat.forum, "dato": referat.dato, "punkter": punkter}


def test_parser_reads_back_every_generated_referat(tmp_path):
    totals = generate(tmp_path, 12, punkter=8, seed=3, examples=EXAMPLES)
    entries = manifest(tmp_path)
    assert len(entries) == totals["referater"] == 12
    assert sum(len(e["punkter"]) for e in entries) == totals["punkter"]
    for entry in entries:
        expected = {key: entry[key] for key in ("forum", "dato", "punkter")}
        assert parsed_entry(tmp_path, entry) == expected


def test_deadlines_land_in_the_beslutning_of_their_punkt(tmp_path):
    generate(tmp_path, 10, punkter=8, seed=5, examples=EXAMPLES)
    frister = 0
    for entry in manifest(tmp_path):
        punkter = {p.nummer: p for p in parse_file(tmp_path / entry["fil"]).punkter}
        for frist in entry["frister"]:
            assert frist["tekst"] in punkter[frist["nummer"]].beslutning
            frister += 1
    assert frister > 0


def test_sagsnumre_recur_across_meetings_but_not_within_one(tmp_path):
    generate(tmp_path, 30, punkter=10, seed=1, examples=EXAMPLES)
    meetings_per_sag = Counter()
    for entry in manifest(tmp_path):
        numbers = [p["sagsnummer"] for p in entry["punkter"]]
        assert len(numbers) == len(set(numbers)), entry["fil"]
        meetings_per_sag.update(numbers)
    assert any(count > 1 for count in meetings_per_sag.values())
    assert len({e["forum"] for e in manifest(tmp_path)}) == 10


def test_same_seed_gives_the_same_corpus(tmp_path):
    first = generate(tmp_path / "a", 5, punkter=6, seed=9, examples=EXAMPLES)
    second = generate(tmp_path / "b", 5, punkter=6, seed=9, examples=EXAMPLES)
    assert first == second
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.txt"))
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
