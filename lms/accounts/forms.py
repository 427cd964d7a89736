"""Sign-up, profile and account-deletion forms for learners."""

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm

from .models import User

PROFILE_FIELDS = ("display_name", "organisation", "country", "role")


class SignUpForm(BaseUserCreationForm):
    """Email and password (checked by the project's password validators) plus the profile."""

    class Meta:
        model = User
        fields = ("email", *PROFILE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Certificates carry this name, so every learner gives one.
        self.fields["display_name"].required = True

    def clean_email(self):
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email address already exists.")
        return email


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = PROFILE_FIELDS


class DeleteAccountForm(forms.Form):
    """Deleting an account cannot be undone, so the learner confirms with their password."""

    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
