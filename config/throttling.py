"""Rate limits per client, from the settings, counted in a table every worker shares.

Each request costs one statement: an upsert that adds the request to its
client's count for the current window and returns the count. Windows are
fixed (a minute of the clock for "300/minute"), which lets a client send up
to twice its rate across the turn of a window; DRF's own throttles keep each
client's request times instead, which costs four statements and grows with
the rate.

Rates are read per request, so that settings changes (and tests) take
effect. Anonymous clients are told apart by address: behind a proxy,
`NUM_PROXIES` says how many addresses at the end of X-Forwarded-For are the
proxies' own, so that a client cannot pick its own address by sending the
header.
"""

import math

from django.db import connection
from rest_framework import throttling
from rest_framework.settings import api_settings

# Past windows are forgotten on the way (found by the index), so they never pile up.
COUNT = """
    WITH forgotten AS (DELETE FROM throttle_counts WHERE window_end <= %s)
    INSERT INTO throttle_counts AS counted (key, window_end, hits) VALUES (%s, %s, 1)
    ON CONFLICT (key, window_end) DO UPDATE SET hits = counted.hits + 1
    RETURNING hits
"""


class WindowThrottle:
    """A count of requests per client and window, in the database."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = self.timer()
        window_end = (math.floor(now / self.duration) + 1) * self.duration
        with connection.cursor() as cursor:
            cursor.execute(COUNT, [math.floor(now), key, window_end])
            (hits,) = cursor.fetchone()
        self.seconds_left = window_end - now
        return hits <= self.num_requests

    def wait(self):
        return self.seconds_left


class AnonRateThrottle(WindowThrottle, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(WindowThrottle, throttling.UserRateThrottle):
    """Editors' own limit; anonymous clients have theirs, and only theirs."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
