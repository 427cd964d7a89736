"""What the credentials tests share: the Open Badges 3.0 standards shipped with the tests, a
learner completing a course over HTTP, and a JOSE library other than the one that signs.

`standards/` holds byte-for-byte copies of the 1EdTech files (see its README.md), so that a clean
clone validates credentials without fetching anything.
"""

import json
from functools import cache
from pathlib import Path

from django.urls import reverse

import jwt as pyjwt
from jsonschema import Draft201909Validator

from courses.models import ModulePage

STANDARDS = Path(__file__).parent / "standards"


@cache
def validator(name):
    """A draft 2019-09 validator (checking formats too) for `achievementcredential` or
    `profile`."""
    schema = json.loads((STANDARDS / f"{name}.schema.json").read_text())
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def schema_errors(document, name="achievementcredential"):
    """What the shipped schema finds wrong with `document`, as readable lines."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]


def complete_course_over_http(client, course):
    """Enrol the client's learner in `course` and complete each of its modules, as the buttons
    of the course and module pages do."""
    assert client.post(reverse("enrol", args=[course.pk])).status_code == 302
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        assert client.post(reverse("complete_module", args=[module.pk])).status_code == 302


def verified_with_pyjwt(client, token):
    """The token's claims, verified by PyJWT with the key set the academy publishes (fetched
    with the test client, as a verifier fetches it over HTTPS)."""
    key_set = pyjwt.PyJWKSet.from_dict(client.get(reverse("credentials:jwks")).json())
    kid = pyjwt.get_unverified_header(token)["kid"]
    key = next(key for key in key_set.keys if key.key_id == kid)
    return pyjwt.decode(token, key.key, algorithms=["EdDSA"])
