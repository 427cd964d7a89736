"""The learners' audit trail: sign-ins, enrolments, completions… as JSON lines on `lms.audit`.

Each event is one log record whose `extra=` fields (event, user_id, email, course_id…) become
the keys of one JSON object per line (JsonFormatter, configured in settings.LOGGING). What
editors do in the admin is Wagtail's audit log instead (ModelLogEntry, PageLogEntry).
Passwords never reach this log: Django's login-failure signal already masks them, and only the
identifier the visitor typed is kept.
"""

import json
import logging
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete

logger = logging.getLogger("lms.audit")

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_RECORD_ATTRIBUTES = {*vars(logging.makeLogRecord({})), "message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message and the `extra=` fields."""

    def format(self, record):
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        data.update(
            (key, value) for key, value in vars(record).items() if key not in _RECORD_ATTRIBUTES
        )
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str)


def audit(event, user=None, request=None, **fields):
    """Log one audit event about `user` (a learner or staff member), with any further fields."""
    extra = {"event": event, **fields}
    if user is not None:
        extra.update(user_id=user.pk, email=user.email)
    if request is not None:
        extra["ip"] = request.META.get("REMOTE_ADDR")
    logger.info(event, extra=extra)


def _logged_in(sender, request, user, **kwargs):
    audit("login", user, request)


def _login_failed(sender, credentials, request=None, **kwargs):
    typed = credentials.get(get_user_model().USERNAME_FIELD, credentials.get("username"))
    audit("login_failed", request=request, email=typed)


def _logged_out(sender, request, user, **kwargs):
    audit("logout", user, request)


def _account_deleted(sender, instance, **kwargs):
    # On the model rather than in the view, so a deletion from the admin is recorded too.
    audit("account_deleted", instance)


def connect():
    user_logged_in.connect(_logged_in, dispatch_uid="lms.audit.login")
    user_login_failed.connect(_login_failed, dispatch_uid="lms.audit.login_failed")
    user_logged_out.connect(_logged_out, dispatch_uid="lms.audit.logout")
    post_delete.connect(
        _account_deleted, sender=get_user_model(), dispatch_uid="lms.audit.account_deleted"
    )
