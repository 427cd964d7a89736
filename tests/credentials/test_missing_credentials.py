"""An academy that issued certificates before it issued credentials gives each of those learners
their credential with one command, once."""

from io import StringIO

from django.core.management import call_command

from credentials.models import Credential
from tests.credentials import schema_errors, verified_with_pyjwt
from tests.factories import CertificateFactory


def issue_missing():
    output = StringIO()
    call_command("issue_missing_credentials", stdout=output)
    return output.getvalue()


def test_certificates_from_before_get_their_credentials_once(client, academy, learner):
    CertificateFactory(learner=learner, course=academy.course)
    assert not Credential.objects.exists()

    # The course's credential, and its edition's: the course is the edition's only one.
    assert issue_missing() == "2 credential(s) issued.\n"

    assert {(c.kind, c.page_id) for c in learner.credentials.all()} == {
        (Credential.Kind.COURSE, academy.course.pk),
        (Credential.Kind.EDITION, academy.course.get_parent().pk),
    }
    credential = learner.credentials.get(kind=Credential.Kind.COURSE)
    claims = verified_with_pyjwt(client, credential.jwt)
    assert schema_errors(claims) == []
    assert claims["credentialSubject"]["achievement"]["name"] == academy.course.title
    assert issue_missing() == "0 credential(s) issued.\n"
    assert Credential.objects.count() == 2
