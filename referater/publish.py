"""Datasette configuration: our metadata and settings for a given database file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml

from .db.fts import web_search_sql

METADATA = Path(__file__).parent / "datasette_metadata.yml"
TEMPLATES = Path(__file__).parent / "web" / "templates"  # front page, case page, punkt page (plugin: web/plugin.py)
METADATA_DATABASE = "referater"  # the database name the metadata file describes
SETTINGS = {"sql_time_limit_ms": 3000, "suggest_facets": False, "default_page_size": 50}


def metadata_for(db_path: str | Path) -> dict:
    """The metadata, with its database section renamed to the file's stem (Datasette names it so)."""
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    if METADATA_DATABASE in databases:
        databases[METADATA_DATABASE]["queries"]["soeg"]["sql"] = web_search_sql()  # the CLI's search too
        databases[Path(db_path).stem] = databases.pop(METADATA_DATABASE)
    return metadata


def make_datasette(db_path: str | Path):
    """A Datasette instance over one database, as `referater serve` configures it (for tests too)."""
    from datasette.app import Datasette

    return Datasette([str(db_path)], metadata=metadata_for(db_path), settings=SETTINGS, template_dir=str(TEMPLATES))


def serve_args(db_path: str | Path, host: str, port: int) -> list[str]:
    """Arguments for `datasette serve`, with the metadata written next to nothing the user owns."""
    metadata_file = Path(tempfile.mkdtemp(prefix="referater-")) / "metadata.json"
    metadata_file.write_text(json.dumps(metadata_for(db_path), ensure_ascii=False), encoding="utf-8")
    args = ["serve", str(db_path), "--metadata", str(metadata_file), "--template-dir", str(TEMPLATES),
            "--host", host, "--port", str(port)]  # fmt: skip
    for name, value in SETTINGS.items():
        args += ["--setting", name, json.dumps(value) if isinstance(value, bool) else str(value)]
    return args
