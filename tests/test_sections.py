"""Section labels against the lists that look like them."""

from referater.models import Afsnit
from referater.parsers import parse_referat

SPACED_LIST = """Referat
Udvalget for Teknik den 3. marts 2025

1. Revision af miljøledelsen

Sagsfremstilling

Auditorerne vil tale om disse emner:

- Præsentation

- Metode

- Risici

Beslutning

Drøftet.
"""


def test_a_spaced_list_whose_first_item_is_a_label_word_stays_in_its_section():
    (punkt,) = parse_referat(SPACED_LIST).punkter
    assert punkt.afsnit == (
        Afsnit("Sagsfremstilling", "Auditorerne vil tale om disse emner:\n- Præsentation\n- Metode\n- Risici"),
        Afsnit("Beslutning", "Drøftet."),
    )
