"""Every email leaves through the task queue: Django's mail functions hand their messages to
`QueuedEmailBackend` (EMAIL_BACKEND), which stores each as a task for the worker; the worker
delivers it with EMAIL_DELIVERY_BACKEND (SMTP in production, files under var/ in development).

A message queued inside a transaction is queued only if that transaction commits, since the task
is a row of the same database: a status change and its email are stored together or not at all.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string

from django_tasks import task


def send_templated_email(template, to_user, context=None):
    """Email `to_user` a message with a plain-text and an HTML part, written in three templates:
    `template` "cohorts/emails/application_accepted" is its subject
    (`…/application_accepted_subject.txt`), its plain text (`.txt`) and its HTML (`.html`,
    extending `emails/base.html`). Every template gets `user`, the recipient, and `site_url`, the
    site's address for absolute links, besides the context given.

    Sent inside a transaction, the message is queued only if the transaction commits.
    """
    context = {"user": to_user, "site_url": settings.WAGTAILADMIN_BASE_URL, **(context or {})}
    # A subject is one line, however its template is laid out.
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{template}.txt", context), to=[to_user.email]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            if message.attachments:
                # A task's arguments are JSON; better refused than delivered without them.
                raise ValueError("An email with attachments cannot be queued.")
            deliver_email.enqueue(
                subject=message.subject,
                body=message.body,
                from_email=message.from_email,
                to=list(message.to),
                cc=list(message.cc),
                bcc=list(message.bcc),
                reply_to=list(message.reply_to),
                headers=dict(message.extra_headers),
                alternatives=[
                    [content, mimetype]
                    for content, mimetype in getattr(message, "alternatives", [])
                ],
            )
        return len(email_messages)


@task()
def deliver_email(subject, body, from_email, to, cc, bcc, reply_to, headers, alternatives):
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email,
        to=to,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        headers=headers,
        alternatives=[tuple(pair) for pair in alternatives],
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND),
    )
    message.send()
