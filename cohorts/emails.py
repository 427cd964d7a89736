"""Emails to learners about their editions, each with a plain-text and an HTML part.

An email called "application_accepted" is three templates under templates/cohorts/emails/: its
subject (`application_accepted_subject.txt`), its plain text (`.txt`) and its HTML (`.html`,
extending `emails/base.html`). Every template gets `user`, the recipient, and `site_url`,
the site's address for absolute links, besides the context given.

The message leaves through EMAIL_BACKEND, which queues it as a task (lms/core/mail.py): sent
inside a transaction, it is queued only if the transaction commits.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

TEMPLATE_DIR = "cohorts/emails"


def send(template_name, to_user, context=None):
    context = {"user": to_user, "site_url": settings.WAGTAILADMIN_BASE_URL, **(context or {})}
    prefix = f"{TEMPLATE_DIR}/{template_name}"
    # A subject is one line, however its template is laid out.
    subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{prefix}.txt", context),
        to=[to_user.email],
    )
    message.attach_alternative(render_to_string(f"{prefix}.html", context), "text/html")
    message.send()
