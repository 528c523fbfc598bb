"""Datasette configuration: our metadata and settings for one database file or several (one per municipality)."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import yaml

from .web.queries import SQL_FRAGMENTS

METADATA = Path(__file__).parent / "datasette_metadata.yml"
TEMPLATES = Path(__file__).parent / "web" / "templates"  # every page in Danish (plugin: web/plugin.py)
METADATA_DATABASE = "referater"  # the database name the metadata file describes
SETTINGS = {"sql_time_limit_ms": 3000, "suggest_facets": False, "default_page_size": 50}


def database_names(db_paths: list[str | Path]) -> list[str]:
    """The names Datasette gives the files: the stem, with _2, _3 … when two files share one."""
    names: list[str] = []
    for path in db_paths:
        stem, suffix = Path(path).stem, 2
        name = stem
        while name in names:
            name, suffix = f"{stem}_{suffix}", suffix + 1
        names.append(name)
    return names


def with_fragments(section: dict) -> dict:
    """Canned queries with the shared SQL (``{punkt_soeg}``: the one Danish search) filled in."""
    for query in section.get("queries", {}).values():
        for name, sql in SQL_FRAGMENTS.items():
            query["sql"] = query["sql"].replace("{" + name + "}", sql.strip())
    return section


def metadata_for(db_paths: str | Path | list[str | Path]) -> dict:
    """The metadata, its database section given to every file under the name Datasette gives it."""
    paths = [db_paths] if isinstance(db_paths, (str, Path)) else list(db_paths)
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    section = with_fragments(databases.pop(METADATA_DATABASE, {}))
    for name in database_names(paths):
        databases[name] = copy.deepcopy(section)
    return metadata


def make_datasette(db_paths: str | Path | list[str | Path]):
    """A Datasette instance over the databases, as `referater serve` configures it (for tests too)."""
    from datasette.app import Datasette

    paths = [db_paths] if isinstance(db_paths, (str, Path)) else list(db_paths)
    return Datasette([str(p) for p in paths], metadata=metadata_for(paths), settings=SETTINGS,
                     template_dir=str(TEMPLATES))  # fmt: skip


def serve_args(db_paths: list[str | Path], host: str, port: int) -> list[str]:
    """Arguments for `datasette serve`, with the metadata written next to nothing the user owns."""
    metadata_file = Path(tempfile.mkdtemp(prefix="referater-")) / "metadata.json"
    metadata_file.write_text(json.dumps(metadata_for(db_paths), ensure_ascii=False), encoding="utf-8")
    args = ["serve", *map(str, db_paths), "--metadata", str(metadata_file), "--template-dir", str(TEMPLATES),
            "--host", host, "--port", str(port)]  # fmt: skip
    for name, value in SETTINGS.items():
        args += ["--setting", name, json.dumps(value) if isinstance(value, bool) else str(value)]
    return args
