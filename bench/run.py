"""`make bench`: the API under production settings, against a raw baseline, on a large data set.

For each endpoint of `bench/targets.py` it checks that the API and the baseline
(`bench/baseline.py`: psycopg and orjson, no framework) answer with the same
JSON, counts the API's SQL queries per request, then loads each server with
locust: one client for latency (p50, p99), then several for throughput. It
prints every figure beside the baseline's, as a ratio, and the largest peak
memory of a worker.

BENCH_SIZE=full (the default) loads 1M events, 100k treaties and 500k clauses
once into a database of its own in .bench/full/, and writes the table to
bench/results.md; BENCH_SIZE=small does the same on a small set in minutes.
"""

import hashlib
import json
import os
import platform
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
SIZES = {
    "full": {"events": 1_000_000, "treaties": 100_000, "clauses": 500_000},
    "small": {"events": 20_000, "treaties": 2_000, "clauses": 10_000},
}
SECONDS = {"full": 10, "small": 2}
THROUGHPUT_USERS = 4
# Rounds of every path before measuring: each worker keeps its own answers, and the
# kernel hands a request to any of them (with two, one misses a path 12 times in 4,096).
WARM_UP = 12
RESULTS = ROOT / "bench" / "results.md"


@dataclass
class Row:
    endpoint: str
    queries: int
    api: dict
    baseline: dict
    equal: bool


def main() -> int:
    size = os.environ.get("BENCH_SIZE", "full")
    if size not in SIZES:
        sys.exit(f"BENCH_SIZE is {size!r}: it must be one of {', '.join(SIZES)}.")
    seconds = int(os.environ.get("BENCH_SECONDS", SECONDS[size]))
    environment = _production_environment(size)
    os.environ.update(environment)

    import django

    django.setup()
    _load(size)

    from bench import targets
    from bench.load import measure
    from bench.servers import Server

    endpoints = targets.endpoints()
    api = Server("API", "config.wsgi:application", 8101, environment)
    # The same API with nothing kept between requests: every answer built anew.
    cold = Server("API, uncached", "config.wsgi:application", 8103, UNCACHED)
    baseline = Server("baseline", "bench.baseline:application", 8102, environment)
    rows = []
    with api, cold, baseline:
        for endpoint, paths in endpoints.items():
            equal = all(_same_answer(api, baseline, path) for path in paths[:20])
            for _ in range(WARM_UP):  # each worker keeps its own: ask each path of each
                for path in paths:
                    api.get(path, host=api.host)
            figures = {}
            for server in (api, baseline):
                one = measure(server, endpoint, paths, users=1, seconds=seconds)
                many = measure(server, endpoint, paths, THROUGHPUT_USERS, seconds=seconds)
                figures[server.name] = {
                    "p50": one.p50_ms,
                    "p99": one.p99_ms,
                    "rps1": one.per_second,
                    "rps": many.per_second,
                }
            uncached = measure(cold, endpoint, paths, users=1, seconds=seconds)
            figures["API"]["cold p50"] = uncached.p50_ms
            figures["API"]["cold p99"] = uncached.p99_ms
            rows.append(
                Row(endpoint, _queries(paths[0]), figures["API"], figures["baseline"], equal)
            )
            print(_line(rows[-1]), flush=True)
        memory = {server.name: server.peak_worker_memory() for server in (api, baseline)}
    table = _table(rows, memory, size, seconds)
    print("\n" + table)
    if size == "full":
        RESULTS.write_text(table)
        print(f"Written to {RESULTS.relative_to(ROOT)}.")
    return 0 if all(row.equal for row in rows) else 1


def _production_environment(size: str) -> dict[str, str]:
    """As `make serve-prod` runs, on the bench's own database, with limits no client reaches."""
    return {
        "ANNALES_DATA_DIR": str(ROOT / ".bench" / size),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        # Throttling stays on, as in service, at rates the load never reaches.
        "API_THROTTLE_ANON": "1000000000/second",
        "API_THROTTLE_USER": "1000000000/second",
    }


UNCACHED = {"REPRESENTATION_CACHE_MB": "0"}


def _load(size: str) -> None:
    """Migrate, load the seed, collect static files (as `make serve-prod` does), and make
    the synthetic set unless it is there already."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("load_seed", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp = Path(os.environ["ANNALES_DATA_DIR"], "synthetic.json")
    wanted = {**SIZES[size], "generator": _generator_version()}
    if stamp.exists() and json.loads(stamp.read_text()) == wanted:
        print(f"Synthetic data ({size}) already loaded.")
        return
    started = time.perf_counter()
    call_command("generate_synthetic", **SIZES[size])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")  # index-only scans need the visibility map
    stamp.write_text(json.dumps(wanted))
    print(f"Synthetic data ({size}) loaded and vacuumed in {time.perf_counter() - started:.0f} s.")


def _generator_version() -> str:
    """A hash of the generator's code: changed code, new data."""
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted((ROOT / "fixtures").rglob("*.py")):
        if "synthetic" in str(path.relative_to(ROOT)):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _same_answer(api, baseline, path: str) -> bool:
    (status, body), (base_status, base_body) = api.get(path), baseline.get(path)
    if status != 200 or base_status != 200:
        print(f"  {path}: the API answered {status}, the baseline {base_status}")
        return False
    if orjson.loads(body) != orjson.loads(base_body):
        print(f"  {path}: the API and the baseline answer with different JSON")
        return False
    return True


def _queries(path: str) -> int:
    """SQL queries the API makes for `path`, throttling included (warm connection)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from events.api.cached import representations

    client = Client()
    client.get(path)
    representations.clear()  # counted as built, not as kept
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def _ratio(api: float, baseline: float) -> str:
    return f"{api / baseline:.2f}" if baseline else "-"


def _line(row: Row) -> str:
    api, base = row.api, row.baseline
    return (
        f"{row.endpoint}: API p50 {api['p50']:.0f} ms, p99 {api['p99']:.0f} ms, "
        f"{api['rps']:.0f} req/s ({_ratio(api['rps'], base['rps'])}x the baseline's "
        f"{base['rps']:.0f}), {row.queries} queries, same JSON: {'yes' if row.equal else 'NO'}"
    )


def _table(rows: list[Row], memory: dict[str, int], size: str, seconds: int) -> str:
    counts = ", ".join(f"{count:,} {what}" for what, count in SIZES[size].items())
    lines = [
        f"Data: {counts} (BENCH_SIZE={size}). {_machine()}",
        f"Each figure from {seconds} s of locust: p50 and p99 with one client, req/s with "
        f"{THROUGHPUT_USERS}; x = the API's figure over the baseline's. The API keeps the "
        "JSON it served until the next write: its figures are for requests it has answered "
        "before (warmed up), the uncached ones for the same API with nothing kept "
        "(REPRESENTATION_CACHE_MB=0). SQL queries: the API's, for an answer not kept.",
        "",
        "| endpoint | API p50 ms | API p99 ms | baseline p50 ms | baseline p99 ms"
        " | uncached p50 ms | uncached p99 ms | API req/s | baseline req/s | req/s x"
        " | 1 client req/s x | SQL queries | same JSON |",
        "| --- |" + " ---: |" * 11 + " --- |",
    ]
    for row in rows:
        api, base = row.api, row.baseline
        lines.append(
            f"| {row.endpoint} | {api['p50']:.0f} | {api['p99']:.0f} | {base['p50']:.0f} "
            f"| {base['p99']:.0f} | {api['cold p50']:.0f} | {api['cold p99']:.0f} "
            f"| {api['rps']:.0f} | {base['rps']:.0f} | {_ratio(api['rps'], base['rps'])} "
            f"| {_ratio(api['rps1'], base['rps1'])} | {row.queries} "
            f"| {'yes' if row.equal else 'no'} |"
        )
    mib = {name: f"{value / 2**20:.0f} MiB" for name, value in memory.items()}
    lines += ["", f"Peak memory of one worker: API {mib['API']}, baseline {mib['baseline']}."]
    return "\n".join(lines) + "\n"


def _machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, {platform.machine()}, "
        f"Python {platform.python_version()}; server, database and load generator on it."
    )


if __name__ == "__main__":
    sys.exit(main())
