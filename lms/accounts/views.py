"""Sign-up (optionally confirmed by email), the learner's profile, data export and deletion; and
Wagtail's password form for private pages, with guessing limited."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from wagtail import views as wagtail_views
from wagtail.documents.views import serve as wagtail_documents_serve

from . import services
from .forms import DeleteAccountForm, ProfileForm, SignUpForm
from .throttling import (
    PasswordGuesses,
    allow_password_reset,
    allow_sign_up_notice,
    password_lockout_response,
)


def _requires_confirmation():
    return getattr(settings, "ACCOUNTS_EMAIL_CONFIRMATION", False)


def _safe_next(request):
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return next_url
    return settings.LOGIN_REDIRECT_URL


@require_http_methods(["GET", "POST"])
def signup(request):
    """A new account, signed in at once, or switched off until the emailed link is opened.

    With confirmation on (ACCOUNTS_EMAIL_CONFIRMATION, the production default), the answer never
    tells whether an address already had an account: an address that has one gets the same
    "check your email" page as a new one, and its owner an email about it (services). With
    confirmation off, a new account is signed in at once, so a taken address cannot get that same
    answer without lying to its owner: the form says the address already has an account.
    """
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    confirming = _requires_confirmation()
    form = SignUpForm(request.POST or None)
    if request.method == "POST":
        user = form.save_account(awaiting_confirmation=confirming) if form.is_valid() else None
        if user and confirming:
            services.send_confirmation(request, user)
            return render(request, "accounts/confirmation_sent.html", {"email": user.email})
        if user:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, f"Welcome, {user.get_short_name()}! Enrol in a course to start."
            )
            return redirect(_safe_next(request))
        if confirming and form.only_the_email_is_taken():
            # A new account's password is hashed; this one is too, so that neither answer
            # comes noticeably sooner than the other.
            make_password(form.cleaned_data["password2"])
            if allow_sign_up_notice(request, form.existing_account.email):
                services.tell_owner_of_sign_up_attempt(request, form.existing_account)
            return render(
                request, "accounts/confirmation_sent.html", {"email": form.instance.email}
            )
        if confirming:
            form.forget_that_the_email_is_taken()
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request)})


def confirm(request, uidb64, token):
    """Opens an account awaiting confirmation, once; any other link gets the "not valid" page."""
    user = services.account_to_confirm(uidb64, token)
    if user is None:
        return render(request, "accounts/confirmation_invalid.html", status=400)
    services.confirm(user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Your email address is confirmed. Welcome to the academy!")
    return redirect(settings.LOGIN_REDIRECT_URL)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


def _name(user):
    """How another person (a trainer) is named in the export; None once their account is gone."""
    return (user.get_full_name() or user.get_short_name()) if user else None


def _exported_submissions(learner):
    """The coaching app's submissions of the learner and their teams, through the reverse
    relations (accounts cannot import coaching): each version with its files' names, each
    feedback with its rubric scores. Files themselves are not in the export: the learner
    downloads them from the assignment's page."""
    submissions = (
        learner.submissions.model.objects.filter(
            Q(learner=learner) | Q(team__members__learner=learner)
        )
        .distinct()
        .select_related("assignment__edition", "team")
        .prefetch_related(
            "versions__files",
            "feedback__version",
            "feedback__trainer",
            "feedback__scores__criterion__skill",
        )
        .order_by("submitted_at", "pk")
    )
    return [
        {
            "assignment": submission.assignment.title,
            "edition": submission.assignment.edition.title,
            "team": submission.team.name if submission.team else None,
            "status": submission.status,
            "submitted_at": submission.submitted_at,
            "late": submission.late,
            "reviewed_at": submission.reviewed_at,
            "versions": [
                {
                    "number": version.number,
                    "submitted_at": version.submitted_at,
                    "late": version.late,
                    "written_by_you": version.author_id == learner.pk,
                    "text": version.text,
                    "files": [
                        {"name": file.name, "content_type": file.content_type, "size": file.size}
                        for file in version.files.all()
                    ],
                }
                for version in submission.versions.all()
            ],
            "feedback": [
                {
                    "version": feedback.version.number,
                    "trainer": _name(feedback.trainer),
                    "comments": feedback.comments,
                    "outcome": feedback.outcome,
                    "created_at": feedback.created_at,
                    "file_name": feedback.file_name if feedback.file else None,
                    "scores": [
                        {
                            "criterion": score.criterion.title,
                            "skill": score.criterion.skill.name,
                            "level": score.level,
                            "of": len(score.criterion.levels),
                        }
                        for score in feedback.scores.all()
                    ],
                }
                for feedback in submission.feedback.all()
            ],
        }
        for submission in submissions
    ]


def _exported_action_plans(learner):
    """The coaching app's action plans of the learner, with every saved version and the
    trainers' comments."""
    plans = (
        learner.action_plans.select_related("edition")
        .prefetch_related("goals__skill", "actions__goal", "kpis", "versions", "comments__author")
        .order_by("edition__path", "pk")
    )
    return [
        {
            "edition": plan.edition.title,
            "notes": plan.notes,
            "version": plan.version,
            "updated_at": plan.updated_at,
            "shared_with_trainers": plan.shared_with_trainers,
            "shared_at": plan.shared_at,
            "goals": [
                {"title": goal.title, "skill": goal.skill.name if goal.skill else None}
                for goal in plan.goals.all()
            ],
            "actions": [
                {
                    "title": action.title,
                    "goal": action.goal.title if action.goal else None,
                    "owner": action.owner,
                    "due_on": action.due_on,
                    "status": action.status,
                }
                for action in plan.actions.all()
            ],
            "kpis": [
                {"name": kpi.name, "unit": kpi.unit, "baseline": kpi.baseline, "target": kpi.target}
                for kpi in plan.kpis.all()
            ],
            "versions": [
                {"number": version.number, "saved_at": version.saved_at, "content": version.content}
                for version in plan.versions.all()
            ],
            "comments": [
                {
                    "about": comment.about,
                    "author": _name(comment.author),
                    "body": comment.body,
                    "created_at": comment.created_at,
                }
                for comment in plan.comments.all()
            ],
        }
        for plan in plans
    ]


@login_required
def export(request):
    """Everything the academy stores about the learner, as a JSON download."""
    learner = request.user
    data = {
        "profile": {
            "email": learner.email,
            "display_name": learner.display_name,
            "organisation": learner.organisation,
            "country": learner.country,
            "role": learner.role,
            "session_reminders": learner.session_reminders,
            "date_joined": learner.date_joined,
            "last_login": learner.last_login,
        },
        "enrolments": list(learner.enrolments.values("course_id", "course__title", "enrolled_at")),
        "module_completions": list(
            learner.module_completions.values("module_id", "module__title", "completed_at")
        ),
        "certificates": list(
            learner.certificates.values(
                "code", "course_title", "edition_title", "learner_name", "issued_at"
            )
        ),
        # The cohorts app's records, through their reverse relations (accounts cannot import it).
        "applications": list(
            learner.applications.values(
                "organisation",
                "role",
                "country",
                "motivation",
                "learning_goals",
                "status",
                "submitted_at",
                "status_changed_at",
                "waitlisted_at",
                "offer_expires_at",
                edition=F("cohort__edition__title"),
            ).order_by("submitted_at")
        ),
        "attendance": list(
            learner.attendance.values(
                "present",
                "recorded_at",
                session_title=F("session__title"),
                session_starts_at=F("session__starts_at"),
            ).order_by("session__starts_at")
        ),
        # The assessments app's self-assessments, oldest first, each with the levels it gave.
        "self_assessments": [
            {
                "submitted_at": assessment.submitted_at,
                "ratings": [
                    {"skill": rating.skill.name, "level": rating.level}
                    for rating in assessment.ratings.all()
                ],
            }
            for assessment in learner.self_assessments.order_by(
                "submitted_at", "pk"
            ).prefetch_related("ratings__skill")
        ],
        # The coaching app's work and plans, through their reverse relations too.
        "submissions": _exported_submissions(learner),
        "action_plans": _exported_action_plans(learner),
        # Open Badges credentials, each with its signed token as issued.
        "credentials": list(
            learner.credentials.values(
                "public_id",
                "kind",
                "achievement_name",
                "learner_name",
                "issued_at",
                "valid_until",
                "revoked_at",
                "jwt",
            ).order_by("issued_at", "pk")
        ),
        # The xAPI statements about the learner, as sent (or to be sent) to the LRS.
        "xapi_statements": list(
            learner.xapi_statements.values(
                "statement_id", "verb", "state", "recorded_at", "sent_at", "payload"
            ).order_by("recorded_at", "pk")
        ),
    }
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-academy-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Enrolments, completions, certificates, applications, attendance, self-assessments, their
        # own submissions (with versions, files and feedback) and action plans go with the account
        # (on_delete=CASCADE; coaching deletes the stored files once committed). Attendance they
        # recorded for others and versions they wrote for a team stay, without their name.
        # Their credentials keep only their place in the revocation list (credentials.issuing),
        # and their statements already sent to an LRS are voided there (xapi.receivers).
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, "Your account and everything stored about you are deleted.")
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, allowing each address and each account only a few requests an hour.

    Over the limit nothing is sent, yet the answer is the usual "check your email" page, so the
    form tells no one whether an account exists or how often it was asked for.
    """

    def form_valid(self, form):
        if allow_password_reset(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


def _limit_password_guesses(request, restriction, wagtail_view, *args):
    """Wagtail's own password form (`wagtail_view`), with wrong guesses limited as failed
    sign-ins are (throttling.PasswordGuesses).

    Wagtail's views answer a wrong password with their form again (200), the right one with a
    redirect, and unknown ids with a 404; this counts the first and forgets on the second.
    """
    if request.method != "POST":
        return wagtail_view(request, *args)
    guesses = PasswordGuesses(request, restriction)
    if guesses.exhausted():
        return password_lockout_response(request)
    response = wagtail_view(request, *args)
    if response.status_code == 200:
        guesses.failed()
        if guesses.exhausted():
            return password_lockout_response(request)
    elif response.status_code == 302:
        guesses.passed()
    return response


def authenticate_with_page_password(request, page_view_restriction_id, page_id):
    """The password form of a private page; lms/urls.py routes Wagtail's URL here."""
    return _limit_password_guesses(
        request,
        f"page:{page_view_restriction_id}",
        wagtail_views.authenticate_with_password,
        page_view_restriction_id,
        page_id,
    )


def authenticate_with_collection_password(request, restriction_id):
    """The password form of a private document collection; lms/urls.py routes Wagtail's URL
    here."""
    return _limit_password_guesses(
        request,
        f"collection:{restriction_id}",
        wagtail_documents_serve.authenticate_with_password,
        restriction_id,
    )
