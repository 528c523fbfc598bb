"""A FirstAgenda portal on 127.0.0.1 (a random port, http.server in a thread) serving our own meetings.

Routes can be told to fail with a status a number of times, to stall before answering, or to answer
garbage; every request path is recorded, so a test can see what was fetched.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import DATA

MEETING = json.loads((DATA / "exports" / "firstagenda-moede.json").read_text(encoding="utf-8"))
# (meeting id, committee, start): three meetings made from our own fixture
MEETINGS = [
    ("11111111-aaaa-4000-8000-000000000001", "Miljø- og Teknikudvalget", "2025-02-10T16:00:00+01:00"),
    ("11111111-aaaa-4000-8000-000000000002", "Miljø- og Teknikudvalget", "2025-03-10T16:00:00+01:00"),
    ("11111111-aaaa-4000-8000-000000000003", "Økonomiudvalget", "2025-03-17T17:00:00+01:00"),
]


def meeting_json(meeting_id: str, udvalg: str, start: str) -> bytes:
    moede = {**MEETING["Moede"], "Dato": start, "MeetingBeginUtc": start}
    return json.dumps({**MEETING, "Id": meeting_id, "Udvalg": {**MEETING["Udvalg"], "Navn": udvalg}, "Moede": moede},
                      ensure_ascii=False).encode()  # fmt: skip


def committee_list() -> bytes:
    committees: dict[str, list] = {}
    for meeting_id, udvalg, start in MEETINGS:
        committees.setdefault(udvalg, []).append({"Id": meeting_id, "Dato": start})
    listed = [{"Id": f"udvalg-{i}", "Navn": name, "Moeder": moeder} for i, (name, moeder) in enumerate(committees.items())]
    return json.dumps({"Udvalg": {"Aktuelle politiske udvalg": listed}}, ensure_ascii=False).encode()


class FakePortal:
    def __init__(self) -> None:
        self.bodies = {"/api/agenda/udvalgsliste": committee_list()}
        self.bodies.update({f"/api/agenda/dagsorden/{m[0]}": meeting_json(*m) for m in MEETINGS})
        self.failures: dict[str, list[int]] = {}  # path → statuses to answer first, one per request
        self.stalls: dict[str, float] = {}  # path → seconds to wait before answering
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def meeting_path(self, index: int) -> str:
        return f"/api/agenda/dagsorden/{MEETINGS[index][0]}"

    def handler(self):
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                portal.requests.append(self.path)
                time.sleep(portal.stalls.get(self.path, 0))
                failures = portal.failures.get(self.path)
                status = failures.pop(0) if failures else 200 if self.path in portal.bodies else 404
                body = portal.bodies.get(self.path, b"") if status == 200 else b"<html>Fejl</html>"
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            def log_message(self, *args):
                pass

        return Handler

    def __enter__(self) -> FakePortal:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
