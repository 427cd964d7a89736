"""Sign-up, profile and account-deletion forms for learners."""

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm
from django.db import IntegrityError, transaction

from .models import User

PROFILE_FIELDS = ("display_name", "organisation", "country", "role")


class SignUpForm(BaseUserCreationForm):
    """Email and password (checked by the project's password validators) plus the profile.

    The email is stored normalised (`User.objects.normalize_email`). An address that already has
    an account, as sign-in would match it (`email__iexact`, so on PostgreSQL "alıce@" is taken
    by "alice@"), is an error with the code "taken", and `existing_account` is that account: the
    view decides what the visitor is told (views.signup).
    """

    existing_account = None

    class Meta:
        model = User
        fields = ("email", *PROFILE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Certificates carry this name, so every learner gives one.
        self.fields["display_name"].required = True

    def clean_email(self):
        # NFKC can lengthen an address ("ﷺ" is 18 letters) or change it (a full-width "＠"), so
        # the field's rules are applied again to what would be stored.
        email = self.fields["email"].clean(User.objects.normalize_email(self.cleaned_data["email"]))
        self.existing_account = User.objects.filter(email__iexact=email).first()
        if self.existing_account:
            # The password validators compare the password with the email as for a new address,
            # so that their answer does not tell a taken address from a free one.
            self.instance.email = email
            raise self.taken_error()
        return email

    def taken_error(self):
        return forms.ValidationError(
            "An account with this email address already exists.", code="taken"
        )

    def email_is_taken(self):
        return self.has_error("email", code="taken")

    def only_the_email_is_taken(self):
        """True when all is well but for an address that already has an account."""
        return self.email_is_taken() and list(self.errors) == ["email"]

    def forget_that_the_email_is_taken(self):
        """Shown again for another mistake, the form then says nothing about the address."""
        if self.email_is_taken():
            del self.errors["email"]

    def save_account(self, awaiting_confirmation):
        """The new account, switched off until confirmed if `awaiting_confirmation`.

        None if a sign-up with the same address was saved since `clean_email` looked (the
        database's uniqueness decides): the form then reads as for a taken address.
        """
        user = self.save(commit=False)
        user.is_active = not awaiting_confirmation
        user.awaiting_confirmation = awaiting_confirmation
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            self.existing_account = User.objects.filter(email__iexact=user.email).first()
            if self.existing_account is None:
                raise
            self.add_error("email", self.taken_error())
            return None
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = (*PROFILE_FIELDS, "session_reminders")


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
