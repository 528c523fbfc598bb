"""referater: Danish municipal minutes as a searchable record of every decision."""

from pathlib import Path

__version__ = "0.1.0"

# The five example referater ship inside the package (the demo's corpus, the tests' and benchmarks' data),
# so `referater demo` works from any install; the repository's examples/ is a link to this folder.
EXAMPLES = Path(__file__).parent / "examples"
