"""Generate a scale corpus of synthetic Albertslund-layout referater from the bundled examples.

    python -m benchmarks.generate /tmp/corpus --referater 200 --pdf 20

Punkter from ``examples/*.txt`` are recombined into N meetings of varied fora and dates; years in the
text move with the meeting, sagsnumre are new or recur from recent meetings, and some decisions get a
deadline. Each referat is written as it is made (streaming), so 20 000 referater (≈ 1 M punkter) need
no more memory than 50. ``manifest.jsonl`` records what each file holds, so a test can compare the
parser's result with what was generated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import random
import re
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus_data as data
from referater import EXAMPLES

HEADING = re.compile(r"(?m)^Punkt (\d+): (.+)$")
YEAR = re.compile(r"\b(20[0-4]\d)\b")
BASE_YEAR = 2025  # the examples' year; text years shift by (meeting year - BASE_YEAR)
FIRST_TITLE = "Godkendelse af dagsorden og referat"
LAST_TITLE = "Temaer til kommende møder og eventuelt"
WORDS_PER_PAGE = 850  # for the TOC page numbers only; the PDF look fits about this many
RECENT_SAGER = 20  # how many earlier sagsnumre per title may recur


@dataclass(frozen=True)
class Kilde:
    """One example punkt: its title, its KLE emne and the text under the sagsnummer line."""

    titel: str
    emne: str
    tekst: str


def load_kilder(examples: Path = EXAMPLES) -> list[Kilde]:
    """Every punkt of the plain-text examples, in file order."""
    kilder = []
    for path in sorted(examples.glob("*.txt")):
        tekst = path.read_text(encoding="utf-8")
        matches = list(HEADING.finditer(tekst))
        for match, nxt in zip(matches, matches[1:] + [None]):
            block = tekst[match.end() : nxt.start() if nxt else len(tekst)].strip("\n")
            sagsnummer, _, rest = block.strip().partition("\n")
            kilder.append(Kilde(match.group(2).strip(), sagsnummer.strip()[:8], rest.strip("\n")))
    return kilder


def load_deltagere(examples: Path = EXAMPLES) -> str:
    """The participant line of the first example, reused for every generated meeting."""
    first = sorted(examples.glob("*.txt"))[0].read_text(encoding="utf-8")
    return next(line for line in first.splitlines() if line.startswith("Mødedeltagere "))


@functools.lru_cache(maxsize=8192)
def shifted(tekst: str, delta: int, forum: str) -> tuple[str, str | None, int]:
    """The text moved to another year and forum, split after its first Beslutning paragraph.

    The tail is None when the punkt has no Beslutning, so no deadline can be added to it.
    """
    moved = YEAR.sub(lambda m: str(int(m.group(1)) + delta), tekst) if delta else tekst
    moved = moved.replace("Chefforum", forum)
    match = re.search(r"(?m)^Beslutning\n\n.+$", moved)
    if not match:
        return moved, None, len(moved.split())
    return moved[: match.end()], moved[match.end() :], len(moved.split())


class Sagsnumre:
    """Hands out KLE sagsnumre: a new one, or one an earlier meeting used for the same kind of punkt.

    Recurring numbers stay with their title, so a sag's history across meetings looks like one case.
    Numbers handed out during the current meeting recur only from the next meeting on.
    """

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.earlier: dict[str, deque[str]] = {}
        self.current: list[tuple[str, str]] = []
        self.used: set[str] = set()
        self.loebenummer = 0

    def new_meeting(self) -> None:
        for titel, sagsnummer in self.current:
            self.earlier.setdefault(titel, deque(maxlen=RECENT_SAGER)).append(sagsnummer)
        self.current = []
        self.used: set[str] = set()

    def next(self, kilde: Kilde, aar: int) -> str:
        earlier = self.earlier.get(kilde.titel)
        if earlier and self.rng.random() < data.ANDEL_GENTAGNE_SAGER:
            sagsnummer = self.rng.choice(earlier)
            if sagsnummer not in self.used:  # a sag is on a meeting's agenda once
                self.used.add(sagsnummer)
                return sagsnummer
        self.loebenummer += 1
        facet = self.rng.choice(data.HANDLINGSFACETTER)
        sagsnummer = f"{kilde.emne}-{facet}-{self.loebenummer}-{aar % 100:02d}"
        self.current.append((kilde.titel, sagsnummer))
        return sagsnummer


def meetings(n: int, seed: int):
    """(forum, dato, sted) for n meetings: each forum meets weekly, the newest in late 2025."""
    rng = random.Random(seed)
    weeks = (n + len(data.FORA) - 1) // len(data.FORA)
    first_monday = dt.date(2025, 12, 1) - dt.timedelta(weeks=weeks)
    for k in range(n):
        forum_index = k % len(data.FORA)
        dato = first_monday + dt.timedelta(weeks=k // len(data.FORA), days=forum_index % 5)
        yield data.FORA[forum_index], dato, rng.choice(data.STEDER)


def frist_sentence(rng: random.Random, dato: dt.date) -> tuple[str, str]:
    """A deadline sentence 2–17 weeks after the meeting, and that deadline as an ISO date."""
    frist = dato + dt.timedelta(days=rng.randint(14, 120))
    skabelon = rng.choice(data.FRIST_SKABELONER)
    if "{uge}" in skabelon:  # uge N means the Friday of ISO week N (gold convention)
        frist = dt.date.fromisocalendar(frist.isocalendar()[0], frist.isocalendar()[1], 5)
    if "inden udgangen af {maaned}" in skabelon:
        frist = (frist.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    sentence = skabelon.format(
        ansvarlig=rng.choice(data.ANSVARLIGE), handling=rng.choice(data.HANDLINGER),
        dag=frist.day, maaned=data.MAANEDER[frist.month - 1], aar=frist.year,
        dato=frist.strftime("%d-%m-%Y"), uge=frist.isocalendar()[1],
    )
    return sentence, frist.isoformat()


@dataclass(frozen=True)
class Plan:
    """Everything that varies between generated referater, fixed once per corpus."""

    kilder: tuple[Kilde, ...]
    deltagere: str
    punkter: int  # mean number of punkter per referat
    seed: int


def choose_kilder(plan: Plan, rng: random.Random) -> list[Kilde]:
    """First and last punkt as at every meeting, and a random middle of about plan.punkter."""
    first = next(k for k in plan.kilder if k.titel == FIRST_TITLE)
    last = next(k for k in plan.kilder if k.titel == LAST_TITLE)
    middle = [k for k in plan.kilder if k.titel not in (FIRST_TITLE, LAST_TITLE)]
    count = max(0, rng.randint(plan.punkter // 2, plan.punkter * 3 // 2) - 2)
    return [first] + [rng.choice(middle) for _ in range(count)] + [last]


def header(forum: str, dato: dt.date, sted: str, deltagere: str) -> str:
    ugedag = data.UGEDAGE[dato.weekday()]
    return (
        f"\n\nREFERAT {forum} d. {dato:%d-%m-%Y}\n\n"
        f"Mødedato {ugedag} d. {dato.day:02d}. {data.MAANEDER[dato.month - 1]} {dato.year} kl. 09:00\n\n"
        f"Mødested {sted}\n\n{deltagere}\n\nIndholdsfortegnelse\n\n"
    )


def make_referat(plan: Plan, rng: random.Random, sager: Sagsnumre, meeting) -> tuple[str, dict]:
    """The text of one referat and its manifest entry (what the parser should find)."""
    forum, dato, sted = meeting
    delta = dato.year - BASE_YEAR
    blocks, toc, punkter, frister, words, page = [], [], [], [], 0, 3
    sager.new_meeting()
    for nummer, kilde in enumerate(choose_kilder(plan, rng), start=1):
        titel = kilde.titel.replace("Chefforum", forum)
        sagsnummer = sager.next(kilde, dato.year)
        head, tail, count = shifted(kilde.tekst, delta, forum)
        if tail is not None and rng.random() < data.ANDEL_MED_FRIST:
            sentence, frist = frist_sentence(rng, dato)
            head = f"{head} {sentence}"
            frister.append({"nummer": nummer, "dato": frist, "tekst": sentence})
        blocks.append(f"Punkt {nummer}: {titel}\n\n{sagsnummer}\n\n{head}{tail or ''}\n\n")
        toc.append(f"{titel}.....\t{page}\n")
        punkter.append({"nummer": nummer, "titel": titel, "sagsnummer": sagsnummer})
        words, page = words + count, page + 1 + count // WORDS_PER_PAGE
    tekst = header(forum, dato, sted, plan.deltagere) + "".join(toc) + "\n" + "".join(blocks)
    entry = {"forum": forum, "dato": dato.isoformat(), "ord": words, "punkter": punkter, "frister": frister}
    return tekst, entry


def slug(forum: str) -> str:
    """ASCII file-name form of a forum name: "Børne- og Skoleudvalget" → "boerne-og-skoleudvalget"."""
    ascii_name = forum.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def generate(out: Path, n: int, punkter: int = 50, seed: int = 1, examples: Path = EXAMPLES) -> dict:
    """Write n referater under out/txt/<year>/ and out/manifest.jsonl; return the corpus totals."""
    plan = Plan(tuple(load_kilder(examples)), load_deltagere(examples), punkter, seed)
    rng, totals = random.Random(seed), {"referater": 0, "punkter": 0, "ord": 0, "frister": 0}
    sager = Sagsnumre(rng)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for meeting in meetings(n, seed):
            tekst, entry = make_referat(plan, rng, sager, meeting)
            path = Path("txt") / str(meeting[1].year) / f"{slug(meeting[0])}-{entry['dato']}.txt"
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_text(tekst, encoding="utf-8")
            manifest.write(json.dumps({"fil": str(path), **entry}, ensure_ascii=False) + "\n")
            totals = add_totals(totals, entry)
    (out / "corpus.json").write_text(json.dumps(totals, indent=2) + "\n", encoding="utf-8")
    return totals


def add_totals(totals: dict, entry: dict) -> dict:
    return {
        "referater": totals["referater"] + 1,
        "punkter": totals["punkter"] + len(entry["punkter"]),
        "ord": totals["ord"] + entry["ord"],
        "frister": totals["frister"] + len(entry["frister"]),
    }


def render_subset(out: Path, count: int, jobs: int = 2) -> dict:
    """Render every k-th generated referat to out/pdf/ so that count PDFs result; return their totals."""
    from multiprocessing import Pool

    from benchmarks.render_pdf import render_file

    sources = sorted((out / "txt").rglob("*.txt"))
    step = max(1, len(sources) // max(count, 1))
    chosen = sources[::step][:count]
    work = [(s, out / "pdf" / s.relative_to(out / "txt").with_suffix(".pdf")) for s in chosen]
    with Pool(jobs) as pool:
        pages = pool.map(render_file, work, chunksize=1)
    return {"pdf": len(work), "sider": sum(pages)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write the corpus to")
    parser.add_argument("--referater", type=int, default=50, help="number of referater (50 … 20000)")
    parser.add_argument("--punkter", type=int, default=50, help="mean punkter per referat")
    parser.add_argument("--pdf", type=int, default=0, help="how many of them to render to PDF as well")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="processes for PDF rendering")
    args = parser.parse_args(argv)
    totals = generate(args.out, args.referater, args.punkter, args.seed)
    if args.pdf:
        totals |= render_subset(args.out, args.pdf, args.jobs)
        (args.out / "corpus.json").write_text(json.dumps(totals, indent=2) + "\n", encoding="utf-8")
    json.dump(totals, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
