"""No route answers 5xx, whatever it is sent: a bounded schemathesis run over the app's own OpenAPI schema.

In-process through the ASGI app, against a real Runtime of its own (uploads and deletes it may
trigger must not touch the session's shared index). Every call carries the admin token and a
valid DingTalk signature, so the fuzzing reaches past authentication into the routes
themselves. Examples are derandomized (the same ones every run: CI stays deterministic);
raise FUZZ_EXAMPLES locally to search wider.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from bot.app import create_app
from tests.conftest import make_settings
from tests.fakes.dingtalk_messages import signed_headers

pytestmark = pytest.mark.slow  # a real Runtime (model + Chroma)

TOKEN = "fuzz-admin-token-0123456789"
SECRET = "fuzz-app-secret"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20"))


@pytest.fixture(scope="module")
def fuzz_schema(tmp_path_factory):
    from bot.runtime import Runtime

    s = make_settings(
        tmp_path_factory.mktemp("fuzz"),
        admin_token=TOKEN,
        dingtalk_app_secret=SECRET,
        rate_limit_per_minute=10_000,
    )
    runtime = Runtime(s)
    runtime.warm_up()  # the ASGI transport runs no lifespan: the index must be loaded already
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(s, runtime))


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_no_route_answers_5xx(fuzz_schema, mode):
    """Valid (positive) and invalid (negative) requests for every operation in the schema.

    The operations are walked here rather than through schemathesis' pytest plugin, whose
    lazy fixture support reads a pytest-private attribute that pytest 9 no longer has."""
    operations = [result.ok() for result in fuzz_schema.get_all_operations()]
    assert len(operations) >= 10  # the admin API, /api/ask, the DingTalk callback, health
    for operation in operations:
        _fuzz(operation, mode)


def _fuzz(operation, mode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def no_5xx(case):
        signed = {k: v for k, v in signed_headers(SECRET).items() if k != "content-type"}
        # a generous timeout: a delete waits for an index run the fuzzing itself queued (a slow answer is no 5xx)
        response = case.call(headers={**signed, "authorization": f"Bearer {TOKEN}"}, timeout=120)
        assert response.status_code < 500, (
            f"{operation.label} -> {response.status_code}: {response.text[:300]}"
        )

    try:
        no_5xx()
    except Unsatisfiable:  # nothing invalid can be said to it (e.g. negative cases for GET /healthz)
        assert mode is GenerationMode.NEGATIVE, operation.label
