"""Load from locust, started headless for one endpoint at a time, and the figures it reports."""

import csv
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.servers import BIN, Server

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


@dataclass(frozen=True)
class Figures:
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float


class LoadError(RuntimeError):
    pass


def measure(server: Server, label: str, paths: list[str], users: int, seconds: int) -> Figures:
    """Requests per second and latency percentiles of `users` clients asking without pause."""
    with tempfile.TemporaryDirectory(prefix="bench-") as directory:
        targets = Path(directory, "paths.json")
        targets.write_text(json.dumps(paths))
        prefix = Path(directory, "run")
        command = [
            *(BIN / "locust", "--locustfile", LOCUSTFILE, "--headless", "--only-summary"),
            *("--loglevel", "ERROR", "--users", users, "--spawn-rate", users),
            *("--run-time", f"{seconds}s", "--stop-timeout", 5),
            *("--host", server.url, "--csv", prefix),
        ]
        run = subprocess.run(
            [str(argument) for argument in command],
            env={**os.environ, "BENCH_PATHS": str(targets), "BENCH_LABEL": label},
            capture_output=True,
            text=True,
        )
        stats = _row(Path(f"{prefix}_stats.csv"), label)
        failures = Path(f"{prefix}_failures.csv")
        if run.returncode or stats is None or int(stats["Failure Count"]):
            detail = failures.read_text() if failures.exists() else run.stderr[-2000:]
            raise LoadError(f"{server.name}, {label}: requests failed.\n{detail}")
    return Figures(
        requests=int(stats["Request Count"]),
        per_second=float(stats["Requests/s"]),
        p50_ms=float(stats["50%"]),
        p99_ms=float(stats["99%"]),
    )


def _row(path: Path, label: str) -> dict | None:
    if not path.exists():
        return None
    with path.open(newline="") as lines:
        return next((row for row in csv.DictReader(lines) if row["Name"] == label), None)
