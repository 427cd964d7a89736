"""The form a participant hands work in with: an answer and up to five files.

Each file is checked by coaching.uploads as the form is cleaned, so a refused file is an error
on the field that names it; coaching.submissions.hand_in checks again, whoever calls it.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from coaching import uploads
from coaching.models import Assignment, SubmissionVersion
from coaching.submissions import MAX_FILES, refusal_for_content


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input: Django's FileField takes one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            data = []
        elif not isinstance(data, list | tuple):
            data = [data]
        if not data and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(one, initial) for one in data]


class HandInForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        required=False,
        max_length=SubmissionVersion._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    files = MultipleFileField(
        label="Files",
        required=False,
        help_text=(
            f"Up to {MAX_FILES} files: PDF, Word, Excel, PowerPoint, OpenDocument or images "
            "(PNG, JPEG, GIF, WebP)."
        ),
    )

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        limit = uploads.megabytes(settings.COACHING_MAX_UPLOAD_BYTES)
        self.fields["files"].help_text += f" At most {limit} each."
        if assignment.accepts == Assignment.Accepts.TEXT:
            del self.fields["files"]
        elif assignment.accepts == Assignment.Accepts.FILES:
            del self.fields["text"]
        if "files" in self.fields:
            self.fields["files"].widget.attrs["accept"] = ",".join(
                sorted(f".{extension}" for extension in uploads.EXTENSIONS)
            )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise ValidationError(f"Attach at most {MAX_FILES} files to a version.")
        errors = []
        for uploaded in files:
            try:
                uploads.check(uploaded)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        refusal = refusal_for_content(
            self.assignment,
            cleaned_data.get("text", "").strip(),
            cleaned_data.get("files", []),
        )
        if refusal:
            raise ValidationError(refusal)
        return cleaned_data
