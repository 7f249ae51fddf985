"""Rate limits per client, from the settings, counted in a cache every worker shares.

DRF's throttles read their rates once, at import; these read them per request,
so that settings changes (and tests) take effect. Anonymous clients are told
apart by address: behind a proxy, `NUM_PROXIES` says how many addresses at the
end of X-Forwarded-For are the proxies' own, so that a client cannot pick its
own address by sending the header.
"""

from django.core.cache import caches
from rest_framework import throttling
from rest_framework.settings import api_settings

CACHE = "throttle"


class SharedCacheMixin:
    @property
    def cache(self):
        return caches[CACHE]

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonRateThrottle(SharedCacheMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(SharedCacheMixin, throttling.UserRateThrottle):
    """Editors' own limit; anonymous clients have theirs, and only theirs."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
