"""The API's URLs plus one view that crashes, to see what a client gets from a crash."""

from django.urls import path

from config.urls import handler400, handler403, handler404, handler500, urlpatterns


def crash(request):
    raise RuntimeError("a secret the client must not see")


urlpatterns = [*urlpatterns, path("crash/", crash)]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
