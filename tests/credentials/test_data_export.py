"""A learner's data export holds their credentials, each with its signed token, and the xAPI
statements the academy keeps about them."""

from django.urls import reverse

from credentials.models import Credential
from tests.factories import EditionPageFactory, UserFactory, earned_credential


def test_the_export_holds_the_learners_credentials_and_statements(client, settings, home):
    # Statements are recorded once an LRS is named; none is sent inside the test's transaction.
    settings.XAPI_LRS_URL = "http://127.0.0.1:9/xAPI/"
    learner, other = UserFactory(), UserFactory()
    edition = EditionPageFactory(parent=home)
    credential = earned_credential(learner, edition, title="Cluster strategy")
    earned_credential(other, edition)
    client.force_login(learner)

    data = client.get(reverse("accounts:export")).json()

    [exported] = data["credentials"]
    assert exported["public_id"] == str(credential.public_id)
    assert exported["kind"] == Credential.Kind.COURSE
    assert exported["achievement_name"] == "Cluster strategy"
    assert exported["jwt"] == credential.jwt
    assert [statement["verb"] for statement in data["xapi_statements"]] == ["earned"]
    [statement] = data["xapi_statements"]
    assert statement["payload"]["actor"]["account"]["name"] == str(learner.pk)
    assert statement["state"] == "pending"
