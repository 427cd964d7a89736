"""Sign-up (optionally confirmed by email), the learner's profile, data export and deletion."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import (
    url_has_allowed_host_and_scheme,
    urlsafe_base64_decode,
    urlsafe_base64_encode,
)
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm, ProfileForm, SignUpForm
from .models import User
from .throttling import allow_password_reset


def _requires_confirmation():
    return getattr(settings, "ACCOUNTS_EMAIL_CONFIRMATION", False)


def _safe_next(request):
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return next_url
    return settings.LOGIN_REDIRECT_URL


def _send_confirmation(request, user):
    link = request.build_absolute_uri(
        reverse(
            "accounts:confirm",
            args=[
                urlsafe_base64_encode(force_bytes(user.pk)),
                default_token_generator.make_token(user),
            ],
        )
    )
    send_mail(
        "Confirm your Cluster Booster Academy account",
        render_to_string("accounts/confirmation_email.txt", {"user": user, "link": link}),
        None,
        [user.email],
    )


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _requires_confirmation():
            user = form.save(commit=False)
            user.is_active = False
            user.save()
            _send_confirmation(request, user)
            return render(request, "accounts/confirmation_sent.html", {"email": user.email})
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.get_short_name()}! Enrol in a course to start.")
        return redirect(_safe_next(request))
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request)})


def confirm(request, uidb64, token):
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or user.is_active or not default_token_generator.check_token(user, token):
        return render(request, "accounts/confirmation_invalid.html", status=400)
    user.is_active = True
    user.save(update_fields=["is_active"])
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
    }
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-academy-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Enrolments, completions and certificates go with the account (on_delete=CASCADE).
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, "Your account and everything stored about you are deleted.")
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, allowing each address and each email only a few requests an hour.

    Over the limit nothing is sent, yet the answer is the usual "check your email" page, so the
    form tells no one whether an account exists or how often it was asked for.
    """

    def form_valid(self, form):
        if allow_password_reset(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())
