"""Open Badges 3.0 credentials: the keys that sign them and the credentials issued.

A credential is signed once, when it is issued, and stored as the VC-JWT the learner downloads;
nothing about it changes afterwards except its revocation, which the status list publishes.
Its row stays when the learner's account is deleted (with the name and the token cleared), so
that its place in the status list is never given to another credential and a revoked credential
stays revoked.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class SigningKey(models.Model):
    """An Ed25519 key pair. The newest key not retired signs new credentials; every key stays
    in the published key set, so what an older key signed keeps verifying after a rotation."""

    # The RFC 7638 thumbprint of the public key: the `kid` of every JWT it signs.
    kid = models.CharField(max_length=64, unique=True)
    private_jwk = models.JSONField()
    public_jwk = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(
        null=True, blank=True, help_text="Signs nothing new after this; still verifies."
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.kid


class CredentialQuerySet(models.QuerySet):
    def held(self):
        """Credentials whose signed token the academy still holds: a deleted account's keep only
        their place in the status list, and nothing of theirs is shown or verified any more."""
        return self.exclude(jwt="")


class Credential(models.Model):
    """An OpenBadgeCredential for a completed course or edition.

    The primary key doubles as the credential's index in the revocation status list: it is
    never reused, so no two credentials ever share a bit.
    """

    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        EDITION = "edition", "Edition"

    # A credential names its page, but is no content of it: the page's usage tab must not list
    # learners' credentials.
    wagtail_reference_index_ignore = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="credentials",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The course or edition; kept by title below if the page goes.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    achievement_name = models.CharField(max_length=255)
    learner_name = models.CharField(max_length=200, blank=True)
    signing_key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="+")
    # The signed VC-JWT as issued; cleared with the learner's account.
    jwt = models.TextField(blank=True)
    issued_at = models.DateTimeField(default=timezone.now)
    valid_until = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(max_length=1000, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "page"],
                condition=Q(learner__isnull=False, page__isnull=False),
                name="one_credential_per_learner_and_achievement",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="revocation_has_a_reason",
                violation_error_message="Say why the credential is revoked.",
            ),
        ]

    def __str__(self):
        return f"{self.achievement_name}: {self.learner_name or 'deleted account'}"

    def get_absolute_url(self):
        """The public verification page the learner shares."""
        return reverse("credentials:credential", args=[self.public_id])

    @property
    def status_index(self):
        return self.pk

    @property
    def revoked(self):
        return self.revoked_at is not None
