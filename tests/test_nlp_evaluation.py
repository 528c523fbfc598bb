"""The deadline metrics: pairing by punkt and date, recall on certain gold only, owners on correct ones."""

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from referater.models import Frist, Opgave, Punkt, Referat
from referater.nlp.datoer import find_datoer
from referater.nlp.evaluation import evaluate_nlp


def frist(dato, ansvarlig=None, afsnit="Beslutning"):
    return Frist(dato, dato, "dag", ansvarlig, None, afsnit, 0, 1)


def gold(due, owner=None, uncertain=False, section="Beslutning"):
    return {"due": due, "owner": owner, "uncertain": uncertain, "section": section, "phrase": due,
            "precision": "day"}


def test_metrics_pair_by_punkt_and_date():
    punkter = (
        Punkt(1, "A", "andet", frister=(frist("2025-05-01", "Chefforum"), frist("2025-06-01"), frist("2025-07-01")),
              opgaver=(Opgave("Chefforum", "gør noget", "Beslutning"),)),
        Punkt(2, "B", "andet", frister=(frist("2025-05-01"),)),
    )
    referat = Referat("r.txt", "", "txt", "Chefforum", "2025-03-12", None, None, (), punkter)
    guld = {"items": [
        {"number": 1, "deadlines": [gold("2025-05-01", "chefforum"), gold("2025-06-01", uncertain=True),
                                    gold("2025-08-01")],
         "assignments": [{"owner": "Chefforum"}, {"owner": "Sekretariatet"}, {"owner": "X", "uncertain": True}]},
        {"number": 2, "deadlines": [], "assignments": []},
    ]}
    t = evaluate_nlp([(referat, guld)])
    # 4 predicted, 2 correct (05-01 and the uncertain 06-01); certain gold 2, found 1
    assert (t.predicted, t.correct, t.gold_certain, t.found_certain) == (4, 2, 2, 1)
    assert (t.precision, t.recall) == (0.5, 0.5)
    assert (t.owner_gold, t.owner_right) == (1, 1)  # owners compared without case
    assert (t.opgaver_gold, t.opgaver_found) == (2, 1)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ./-ugeådmaj13aprilsenestultimo,\nkvartal")), max_size=80))
def test_find_datoer_never_crashes_and_spans_are_exact(text):
    for u in find_datoer(text, date(2025, 3, 12)):
        assert text[u.start:u.slut] == u.tekst
        assert date.fromisoformat(u.dato)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["Beslutning", "Indstilling", "Sagsfremstilling", "Bilag"]))
def test_enrich_never_crashes_and_frist_spans_point_into_the_section(text, afsnit):
    from referater.models import Afsnit, Deltager
    from referater.nlp import enrich

    punkt = Punkt(1, "T", "andet", afsnit=(Afsnit(afsnit, text),))
    referat = Referat("r.txt", "", "txt", "Chefforum", "2025-03-12", None, None,
                      (Deltager("Marie Aasøe", "Afdelingschef for Økonomi & Stab"),), (punkt,))
    for f in enrich(referat).punkter[0].frister:
        assert text[f.start:f.slut] == f.tekst


def test_owner_matching_as_the_dev_sets_readme_defines_it():
    from referater.nlp.evaluation import owner_matches

    assert [owner_matches(p, g) for p, g in [
        ("Økonomiudvalget (ØU)", "ØU"), ("Byrådet", "Byrådet og Direktionen"), ("administrationen", "Administrationen"),
        ("Natur- og Idrætsudvalget", "Natur- og Idrætsvalget"), ("Byrådet", "Økonomiudvalget"), (None, "Byrådet"),
    ]] == [True, True, True, True, False, False]


def test_the_split_alternates_by_file_name_and_kinds_come_from_the_readme_table(tmp_path):
    from referater.nlp.evaluation import owner_kinds, split

    assert split(["d", "b", "a", "c"]) == {"a": "tunet", "b": "holdt ude", "c": "tunet", "d": "holdt ude"}
    readme = tmp_path / "README.md"
    readme.write_text("| owner | kind | deadlines |\n|---|---|---|\n| `Byrådet` | organ | 3 |\n"
                      "| `alle foreninger` | rolle | 1 |\n", encoding="utf-8")
    assert owner_kinds(readme) == {"Byrådet": "organ", "alle foreninger": "rolle"}


def test_deadlines_are_scored_by_owner_kind_and_a_missing_punkt_is_all_misses():
    punkter = (Punkt(1, "A", "andet", frister=(frist("2025-05-01", "Økonomiudvalget (ØU)"),)),)
    referat = Referat("r.txt", "", "txt", "Udvalget", "2025-03-12", None, None, (), punkter)
    guld = {"items": [{"number": 1, "deadlines": [gold("2025-05-01", "ØU")]},
                      {"number": 2, "deadlines": [gold("2025-06-01", "foreningerne")]}]}
    t = evaluate_nlp([(referat, guld)], {"ØU": "organ", "foreningerne": "rolle"})
    assert (t.predicted, t.correct, t.gold_certain, t.found_certain, t.owner_right) == (1, 1, 2, 1, 1)
    assert {k: (v.gold_certain, v.found_certain, v.owner_gold, v.owner_right) for k, v in t.kinds.items()} == {
        "organ": (1, 1, 1, 1), "rolle": (1, 0, 0, 0)}


def test_the_tuned_report_never_reads_the_held_out_meetings(tmp_path):
    from referater.nlp.evaluation import evaluate_dev_set

    (tmp_path / "README.md").write_text("| `Byrådet` | organ | 1 |\n", encoding="utf-8")
    tekst = "Udvalget\nReferat\nMødedato: 10-03-2025\n\n1. Budget\nSagsbeskrivelse\nByrådet behandler sagen den 5. maj 2025.\n"
    (tmp_path / "a.txt").write_text(tekst, encoding="utf-8")
    deadline = {"phrase": "den 5. maj 2025", "due": "2025-05-05", "precision": "day", "owner": "Byrådet",
                "section": "Sagsbeskrivelse", "uncertain": False}
    for stem in ("a", "b"):  # "b" is held out: its text does not exist, and its gold is not valid JSON
        (tmp_path / f"{stem}.gold.json").write_text(
            json.dumps({"file": "a.txt", "items": [{"number": 1, "deadlines": [deadline]}]}) if stem == "a" else "{",
            encoding="utf-8")
    tunet = evaluate_dev_set(tmp_path, only="tunet")
    assert (tunet["tunet"].found_certain, tunet["tunet"].owner_right, tunet["holdt ude"].predicted) == (1, 1, 0)


def test_two_deadlines_of_one_date_and_section_are_paired_the_way_their_owners_agree():
    punkter = (Punkt(1, "A", "andet", frister=(frist("2025-08-01", "kommunerne"), frist("2025-08-01", "administrationen"))),)
    referat = Referat("r.txt", "", "txt", "Udvalget", "2025-01-06", None, None, (), punkter)
    guld = {"items": [{"number": 1, "deadlines": [gold("2025-08-01", "administrationen"),
                                                  gold("2025-08-01", "kommunerne", uncertain=True)]}]}
    t = evaluate_nlp([(referat, guld)])
    assert (t.predicted, t.correct, t.found_certain, t.owner_gold, t.owner_right) == (2, 2, 1, 2, 2)


def test_make_eval_answers_help_and_an_unknown_option_in_one_line(capsys):
    from referater import evaluation

    evaluation.main(["--help"])
    assert capsys.readouterr().out == evaluation.__doc__.strip() + "\n"
    evaluation.main(["--tuned"])
    assert capsys.readouterr().out == "ukendt tilvalg --tuned: se --help\n"
