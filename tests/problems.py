"""Reading the API's error responses (RFC 9457 problem details) in tests."""

PROBLEM = "application/problem+json"


def problem_fields(response) -> dict[str, list[str]]:
    """The fields an error response names, by their top-level name, with their messages.

    Checks on the way that the response is a well-formed problem.
    """
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == response.status_code
    assert {"type", "title", "detail"} <= body.keys()
    fields: dict[str, list[str]] = {}
    for error in body.get("errors", []):
        fields.setdefault((error["field"] or "").split(".")[0], []).append(error["detail"])
    return fields
