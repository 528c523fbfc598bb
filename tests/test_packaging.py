"""A real, non-editable install: build the wheel, install it into a fresh venv, run `referater demo` from there.

The fresh venv gets the wheel alone (`pip install --no-deps`); it sees the test venv's dependencies through a
.pth line. That line only adds a path, so the editable install of this checkout in the test venv (a finder
hooked in by its own .pth file) is not active there: `referater` is imported from the wheel or not at all.
"""

import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
import venv
from pathlib import Path

from test_browser import free_port

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCE = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", "work", "*.db",
                                    ".pytest_cache", ".hypothesis", "docs")  # fmt: skip
START_SECONDS = 60


def build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, symlinks=True, ignore=NOT_SOURCE)  # never build inside the checkout
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path / "dist"), str(source)], check=True)  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("referater-*.whl")
    return wheel


def fresh_venv(path: Path) -> Path:
    venv.create(path, with_pip=False)
    python = path / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    (Path(site) / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return python


def wait_for(url: str, server: subprocess.Popen) -> str:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stdout.read()
        try:
            return urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {START_SECONDS} s")


def test_demo_from_a_non_editable_install(tmp_path):
    python = fresh_venv(tmp_path / "venv")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
                    str(build_wheel(tmp_path))], check=True)  # fmt: skip
    where = subprocess.run([python, "-c", "import referater; print(referater.__file__)"], cwd=tmp_path, check=True,
                           capture_output=True, text=True).stdout  # fmt: skip
    assert where.startswith(str(tmp_path / "venv")), where
    port = free_port()
    demo = [str(python.parent / "referater"), "demo", "--db", "demo.db", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(demo, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        front = wait_for(f"http://127.0.0.1:{port}/", server)
        assert "<strong>5</strong> referater" in front and "<strong>Albertslund Kommune</strong>" in front
        search = wait_for(f"http://127.0.0.1:{port}/-/search?q=sygefrav%C3%A6r", server)
        assert "<h2>6 punkter i demo</h2>" in search
    finally:
        server.terminate()
        server.wait(timeout=10)
