"""Checks every request passes before it reaches a view."""

import re

from rest_framework import status

from config.problems import problem_response

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class QueryStringMiddleware:
    """A query parameter holding a control character (NUL above all) is a 400 naming it.

    No parameter of this API takes one, and the database refuses NUL in text.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            if any(CONTROL_CHARACTERS.search(text) for text in (name, *values)):
                return problem_response(
                    status.HTTP_400_BAD_REQUEST,
                    f"{name!r}: control characters are not allowed in query parameters.",
                    errors=[
                        {
                            "field": name,
                            "detail": "Control characters are not allowed in query parameters.",
                            "code": "invalid",
                        }
                    ],
                )
        return self.get_response(request)
