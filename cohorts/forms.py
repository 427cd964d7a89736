"""The form a signed-in person fills in to apply to an edition."""

from django import forms

from cohorts.models import Application
from lms.accounts.models import User


class ApplicationForm(forms.ModelForm):
    """The application's fields, with their limits from the model, prefilled from the applicant's
    profile. The view hands `cleaned_data` to `cohorts.applications.apply`, which stores it."""

    role = forms.ChoiceField(
        label="Your role in the cluster",
        choices=[("", "Choose your role"), *User.Role.choices],
        help_text="Some editions are open to cluster managers only.",
    )

    class Meta:
        model = Application
        fields = ["organisation", "role", "country", "motivation", "learning_goals"]
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 6}),
            "learning_goals": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "organisation": "The cluster organisation you work for.",
            "motivation": "Why you want to take part, and what your cluster needs (at most 3,000 characters).",
            "learning_goals": "The topics and skills you hope to work on (at most 3,000 characters).",
        }

    def __init__(self, *args, applicant, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "organisation": applicant.organisation,
                "country": applicant.country,
                "role": applicant.role,
            },
        )
        super().__init__(*args, **kwargs)
