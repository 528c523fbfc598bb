"""Pure parsers: text in, dataclasses out. No file or database access here."""

from .referat import PARSER_VERSION, parse_referat, parse_tekst

__all__ = ["PARSER_VERSION", "parse_referat", "parse_tekst"]
