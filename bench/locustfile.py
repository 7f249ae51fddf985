"""The load `make bench` sends: one endpoint's requests, in turn, as fast as answers come.

`bench/run.py` starts locust on this file once per endpoint and server, with
`BENCH_PATHS` naming a JSON file of the paths to request and `BENCH_LABEL` the
name they are reported under.
"""

import itertools
import json
import os

from locust import FastHttpUser, constant, task

PATHS = json.loads(open(os.environ["BENCH_PATHS"], encoding="utf-8").read())
LABEL = os.environ.get("BENCH_LABEL", "request")


class Client(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.paths = itertools.cycle(PATHS)

    @task
    def get(self):
        with self.client.get(next(self.paths), name=LABEL, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.text[:200]}")
