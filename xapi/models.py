"""The outbox of xAPI statements on their way to the external Learning Record Store.

A statement is stored here in the same transaction as the event it records, with its id fixed
then, so it is never lost (the event and its statement commit together) and never stored twice
by the LRS (a statement sent again after a lost answer has the same id, which the LRS keeps once).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Statement(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    statement_id = models.UUIDField(unique=True, editable=False)
    # Whose statement it is; none for a voiding statement. Deleting the account deletes its rows,
    # once their statements are voided.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="xapi_statements",
    )
    verb = models.CharField(max_length=50)
    payload = models.JSONField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="xapi_due")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="sent") | Q(sent_at__isnull=False),
                name="sent_statement_has_sent_at",
            ),
        ]

    def __str__(self):
        return f"{self.verb} {self.statement_id}"
