"""The Datasette side of the package: a plugin (SQL functions, cell links, front page, case page) and
the settings every way of serving uses, so `referater serve` and the tests publish the same site.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
METADATA = Path(__file__).parent.parent / "datasette_metadata.yml"
# Facet suggestion costs ~1 s per page at scale; the time limit stops runaway SQL on a public site.
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "suggest_facets": False,
    "default_page_size": 50,
}


def cli_options() -> list[str]:
    """`datasette serve` options for the published site (read-only: no write queries are defined)."""
    options = ["--metadata", str(METADATA), "--template-dir", str(TEMPLATES)]
    for name, value in SETTINGS.items():
        setting = ("on" if value else "off") if isinstance(value, bool) else str(value)
        options += ["--setting", name, setting]
    return options


def make_datasette(db_path: str | Path):
    """A Datasette instance over one database, configured exactly as `referater serve` does."""
    import yaml
    from datasette.app import Datasette

    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return Datasette([str(db_path)], metadata=metadata, template_dir=str(TEMPLATES), settings=SETTINGS)
