"""Clients are rate-limited from the settings, by address behind the configured proxies."""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import override_settings

from config.environment import Environment
from config.throttling import AnonRateThrottle
from tests.problems import PROBLEM

pytestmark = pytest.mark.django_db


def rates(anon=None, user=None, proxies=0):
    return override_settings(
        REST_FRAMEWORK={
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user},
            "NUM_PROXIES": proxies,
        }
    )


def get(client, address, forwarded_for=None):
    headers = {"REMOTE_ADDR": address}
    if forwarded_for:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.get("/api/v1/places/", **headers)


@rates(anon="3/minute")
def test_an_anonymous_client_over_its_rate_gets_a_429_with_retry_after(api_client):
    answers = [get(api_client, "203.0.113.7").status_code for _ in range(3)]
    refused = get(api_client, "203.0.113.7")

    assert answers == [HTTPStatus.OK] * 3
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert refused["Content-Type"] == PROBLEM
    assert 0 < int(refused["Retry-After"]) <= 60
    assert get(api_client, "198.51.100.1").status_code == HTTPStatus.OK  # another client


@rates(anon="2/minute", user="4/minute")
def test_editors_have_their_own_rate(editor_client):
    answers = [editor_client.get("/api/v1/places/").status_code for _ in range(5)]

    assert answers == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS]


@rates(anon="5/minute", user="2/minute")
def test_anonymous_clients_are_held_to_their_rate_only(api_client):
    answers = [get(api_client, "203.0.113.7").status_code for _ in range(5)]

    assert answers == [HTTPStatus.OK] * 5


@rates(anon="2/minute", proxies=0)
def test_without_a_proxy_x_forwarded_for_cannot_dodge_the_limit(api_client):
    for number in range(2):
        assert get(api_client, "203.0.113.7", f"10.0.0.{number}").status_code == HTTPStatus.OK

    refused = get(api_client, "203.0.113.7", "10.0.0.99")

    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS


@rates(anon="2/minute", proxies=1)
def test_behind_one_proxy_clients_are_told_apart_by_the_address_it_saw(api_client):
    proxy = "192.0.2.1"
    for _ in range(2):
        assert get(api_client, proxy, "spoofed, 203.0.113.7").status_code == HTTPStatus.OK

    assert get(api_client, proxy, "203.0.113.7").status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert get(api_client, proxy, "203.0.113.8").status_code == HTTPStatus.OK


@rates(anon="3/minute")
def test_the_count_is_kept_in_a_table_every_worker_shares(api_client):
    get(api_client, "203.0.113.7")

    with connection.cursor() as cursor:
        cursor.execute("SELECT key, hits FROM throttle_counts")
        counts = cursor.fetchall()
    assert counts == [("throttle_anon_203.0.113.7", 1)]


@rates(anon="2/minute")
def test_a_new_window_starts_a_new_count_and_forgets_the_old_ones(api_client, monkeypatch):
    clock = {"now": 1_858_000_000.0}  # 40 s into a minute
    monkeypatch.setattr(AnonRateThrottle, "timer", lambda self: clock["now"])
    assert [get(api_client, "203.0.113.7").status_code for _ in range(3)] == [
        HTTPStatus.OK,
        HTTPStatus.OK,
        HTTPStatus.TOO_MANY_REQUESTS,
    ]
    assert get(api_client, "203.0.113.7")["Retry-After"] == "20"

    clock["now"] += 20
    answer = get(api_client, "203.0.113.7")

    assert answer.status_code == HTTPStatus.OK
    with connection.cursor() as cursor:
        cursor.execute("SELECT window_end, hits FROM throttle_counts")
        assert cursor.fetchall() == [(1_858_000_080, 1)]


@rates(anon=None)
def test_an_empty_rate_means_no_limit(api_client):
    assert all(get(api_client, "203.0.113.7").status_code == HTTPStatus.OK for _ in range(20))


def test_a_malformed_rate_is_refused_at_start():
    with pytest.raises(ImproperlyConfigured, match="API_THROTTLE_ANON"):
        Environment({"API_THROTTLE_ANON": "lots"}).rate("API_THROTTLE_ANON", default="1/s")
    assert Environment({"API_THROTTLE_ANON": ""}).rate("API_THROTTLE_ANON", default="1/s") is None
    assert Environment({}).rate("API_THROTTLE_ANON", default="9/minute") == "9/minute"
