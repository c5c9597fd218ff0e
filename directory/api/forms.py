from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ApiToken


class TokenForm(forms.ModelForm):
    """A new token of `user`: named apart from the user's usable tokens. A page reloaded after
    a token was made sends the form again; it then makes no second token of that name."""

    class Meta:
        model = ApiToken
        fields = ["name", "expires_on"]
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if ApiToken.objects.usable().filter(user=self.user, name__iexact=name).exists():
            raise forms.ValidationError(
                _(
                    "You have a token of this name already (its value was shown once, when it "
                    "was made). Choose another name, or revoke that token first."
                )
            )
        return name

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day is not None and day < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        return day
