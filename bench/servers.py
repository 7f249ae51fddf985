"""The servers `make bench` measures, run as in production, and what they take from the machine."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent


class Server:
    """A WSGI application under gunicorn with the production settings (`config/gunicorn.py`)."""

    def __init__(self, name: str, application: str, port: int, environment: dict[str, str]):
        self.name = name
        self.application = application
        self.host = f"127.0.0.1:{port}"
        self.url = f"http://{self.host}"
        self.environment = {**os.environ, **environment, "PORT": str(port)}
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(
            [BIN / "gunicorn", self.application, "--config", "python:config.gunicorn"],
            env=self.environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._wait_until_ready()
        return self

    def __exit__(self, *exc_info) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _wait_until_ready(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped at start:\n{self.process.stderr.read()}")
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=1).close()
            except urllib.error.HTTPError:
                return  # it answers, if only to say it has no such page
            except OSError:
                time.sleep(0.2)
            else:
                return
        raise RuntimeError(f"{self.name} did not answer within {seconds} s")

    def get(self, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
        """One request, with a fixed Host: both servers then write the same absolute URLs."""
        request = urllib.request.Request(
            self.url + path, headers={"Host": host, "Accept": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def workers(self) -> list[int]:
        return [pid for pid in _pids() if _parent(pid) == self.process.pid]

    def peak_worker_memory(self) -> int:
        """The largest peak resident size of any worker so far, in bytes."""
        return max((_peak_rss(pid) for pid in self.workers()), default=0)


def _pids() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _peak_rss(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0
