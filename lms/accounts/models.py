import unicodedata

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Upper


class LearnerManager(UserManager):
    """Users sign in with their email address; the username field is gone."""

    @classmethod
    def normalize_email(cls, email):
        """NFKC first, as Django does for user names, so that compatibility characters (the
        Kelvin sign, full-width letters, the long s) are stored as the letters they stand for;
        then Django's rule (the domain in lower case)."""
        return super().normalize_email(unicodedata.normalize("NFKC", email or ""))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person with an account: a learner (cluster manager or staff), an editor or a moderator.

    The learner profile lives on the user itself, so every page that greets a learner
    needs no extra query.
    """

    class Role(models.TextChoices):
        CLUSTER_MANAGER = "cluster_manager", "Cluster manager"
        CLUSTER_STAFF = "cluster_staff", "Cluster staff"
        POLICY_MAKER = "policy_maker", "Policy maker"
        TRAINER = "trainer", "Trainer"
        OTHER = "other", "Other"

    username = None
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=120, blank=True, help_text="Shown on certificates and to trainers."
    )
    organisation = models.CharField("organisation (cluster)", max_length=200, blank=True)
    country = models.CharField(max_length=100, blank=True)
    role = models.CharField(max_length=32, choices=Role.choices, blank=True)
    session_reminders = models.BooleanField(
        "email me before my live sessions",
        default=True,
        help_text="Reminders 24 hours and 1 hour before each session of your editions.",
    )
    # Set by sign-up when confirmation by email is on, cleared by the link. Not the same as
    # inactive: an account deactivated by an administrator is never awaiting confirmation, so no
    # link can switch it back on.
    awaiting_confirmation = models.BooleanField(default=False, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = LearnerManager()

    class Meta:
        constraints = [
            # Sign-in and password reset find the account with `email__iexact`, which compares
            # UPPER() of both sides on PostgreSQL: one account per address as UPPER() folds it
            # (there "alıce@" is "alice@"), so that look-up never finds two.
            models.UniqueConstraint(
                Upper("email"),
                name="accounts_user_email_upper_unique",
                violation_error_message="An account with this email address already exists.",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        # An account switched on by any path (the link, an administrator) is no longer awaiting
        # confirmation, so an old link can never switch it back on after a later deactivation.
        if self.is_active:
            self.awaiting_confirmation = False
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.display_name or super().get_full_name()

    def get_short_name(self):
        return self.display_name or self.first_name or self.email.split("@")[0]
