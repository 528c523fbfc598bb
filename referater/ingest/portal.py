"""A FirstAgenda portal over HTTP: its committee list and each meeting's JSON, politely.

``GET <portal>/api/agenda/udvalgsliste`` lists committees and their meetings, ``GET
<portal>/api/agenda/dagsorden/<id>`` answers one meeting (what ``exports.firstagenda`` reads). No keys,
cookies or query parameters. Requests are spaced by a pause; a 5xx, 429, timeout or dropped connection
is retried with a doubling wait; what still fails is a PortalError with one line that says what happened.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .. import __version__
from ..errors import ReferatError

COMMITTEE_LIST = "/api/agenda/udvalgsliste"
MEETING = "/api/agenda/dagsorden/{id}"
USER_AGENT = f"referater/{__version__} (henter offentlige dagsordener; en forespørgsel ad gangen)"
RETRIED_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 60.0  # seconds; a longer Retry-After is not waited for


class PortalError(ReferatError):
    """The portal could not be reached, kept failing, or did not answer as a FirstAgenda portal."""


@dataclass(frozen=True)
class Moede:
    """A meeting the portal lists."""

    id: str
    udvalg: str
    dato: str | None  # ISO date
    url: str


def portal_base(url: str) -> str:
    """ "https://dagsordener.x.dk/api/agenda/udvalgsliste/" → "https://dagsordener.x.dk"."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise PortalError("ikke en webadresse: giv portalens adresse, fx https://dagsordener.kommune.dk")
    path = parts.path.rstrip("/")
    for suffix in (COMMITTEE_LIST, "/api/agenda"):
        path = path.removesuffix(suffix)
    return f"{parts.scheme}://{parts.netloc}{path}"


@dataclass
class Portal:
    base: str
    pause: float = 0.5  # seconds between two requests
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0  # first wait after a failure; doubled after each
    requests: int = field(default=0, init=False)
    _last: float = field(default=0.0, init=False)

    def meetings(self) -> list[Moede]:
        """Every meeting of every committee the portal lists, oldest first."""
        data = self.get(self.base + COMMITTEE_LIST)
        try:
            groups = json.loads(data.decode("utf-8-sig"))["Udvalg"]
            found = {m.id: m for group in groups.values() for udvalg in group for m in self.listed(udvalg)}
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise PortalError(f"svarede ikke med en udvalgsliste ({type(error).__name__}): er adressen en "
                              "FirstAgenda-portal?") from error  # fmt: skip
        return sorted(found.values(), key=lambda m: (m.dato or "", m.udvalg, m.id))

    def listed(self, udvalg: dict) -> list[Moede]:
        return [Moede(str(m["Id"]), udvalg["Navn"], (m.get("Dato") or "")[:10] or None, self.meeting_url(m["Id"]))
                for m in udvalg.get("Moeder") or []]  # fmt: skip

    def meeting_url(self, meeting_id) -> str:
        return self.base + MEETING.format(id=meeting_id)

    def get(self, url: str) -> bytes:
        """The body at a URL, after the pause; retried on a server error, throttling or a timeout."""
        wait, failure = self.backoff, ""
        for attempt in range(self.retries + 1):
            self.space_out()
            try:
                return self.fetch(url)
            except urllib.error.HTTPError as error:
                if error.code not in RETRIED_STATUS:
                    raise PortalError(f"portalen svarede HTTP {error.code} ({error.reason}) på {url}") from error
                failure = f"svarer med fejl (HTTP {error.code})"
                delay = retry_after(error, wait)
            except (TimeoutError, OSError) as error:  # URLError, refused or dropped connections, socket timeouts
                failure = "svarer ikke (timeout)" if is_timeout(error) else f"kan ikke nås ({reason(error)})"
                delay = wait
            if attempt < self.retries:
                time.sleep(delay)
                wait *= 2
        raise PortalError(f"portalen {failure} efter {self.retries + 1} forsøg: prøv igen senere")

    def space_out(self) -> None:
        """Keep at least `pause` seconds between two requests to the same portal."""
        delay = self._last + self.pause - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._last = time.monotonic()

    def fetch(self, url: str) -> bytes:
        self.requests += 1
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http(s) only)
            return response.read()


def retry_after(error: urllib.error.HTTPError, default: float) -> float:
    """The server's Retry-After in seconds when it gives one (capped), else our own wait."""
    value = (error.headers or {}).get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.strip().isdigit() else default


def is_timeout(error: OSError) -> bool:
    return isinstance(error, TimeoutError) or isinstance(getattr(error, "reason", None), TimeoutError)


def reason(error: OSError) -> str:
    return str(getattr(error, "reason", None) or error)
