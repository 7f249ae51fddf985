"""What `make bench` asks for is drawn from the data, and the API answers all of it."""

import random
from http import HTTPStatus

import pytest

from bench import targets
from bench.run import Row, _table
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_every_endpoint_has_requests_the_api_answers(seed, api_client):
    EventFactory.create_batch(3 * targets.PAGE)

    endpoints = targets.endpoints()

    assert set(endpoints) >= {"treaty list", "treaty detail", "search by fuzzy name"}
    for endpoint, paths in endpoints.items():
        assert paths, endpoint
        for path in paths:
            response = api_client.get(path)
            assert response.status_code == HTTPStatus.OK, (endpoint, path, response.content)


def test_deep_pages_start_as_deep_as_their_name_says(seed, api_client):
    EventFactory.create_batch(5 * targets.PAGE)
    deep = {name: paths for name, paths in targets.endpoints().items() if "page 1" not in name}

    (timeline,) = [paths for name, paths in deep.items() if name.startswith("timeline, page")]
    page = api_client.get(timeline[0]).json()
    previous = api_client.get(page["previous"]).json()

    assert previous["previous"] is not None  # there are pages before the one before


def test_a_misspelt_name_still_finds_its_person(seed, api_client):
    misspelt = targets._misspelt("Nikolay Muravyov", random.Random(1))

    hits = api_client.get("/api/v1/search/", {"q": misspelt}).json()["results"]

    assert misspelt != "Nikolay Muravyov"
    assert any(hit["name"] == "Nikolay Muravyov-Amursky" for hit in hits[:3])


def test_the_results_table_shows_each_figure_beside_the_baselines():
    figures = {"p50": 4.0, "p99": 9.0, "rps1": 200.0, "rps": 400.0, "cold p50": 30, "cold p99": 60}
    baseline = {"p50": 2.0, "p99": 4.0, "rps1": 400.0, "rps": 800.0}

    table = _table(
        [Row("treaty list", 5, figures, baseline, True)],
        {"API": 90 * 2**20, "baseline": 40 * 2**20},
        "small",
        4,
    )

    assert "| treaty list | 4 | 9 | 2 | 4 | 30 | 60 | 400 | 800 | 0.50 | 0.50 | 5 | yes |" in table
    assert "API 90 MiB, baseline 40 MiB" in table
