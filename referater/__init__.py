"""referater: Danish municipal minutes as a searchable record of every decision."""

__version__ = "0.1.0"
