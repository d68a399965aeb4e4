"""The form for connecting an IMAP folder (the connection itself is tested by the view)."""

import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import ImapAccount

# A control character in a name or password would let a value break out of its IMAP command.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ImapAccountForm(forms.Form):
    host = forms.CharField(
        label=_("IMAP server"),
        max_length=255,
        help_text=_(
            "Your provider’s IMAP server, e.g. imap.gmail.com, outlook.office365.com, "
            "imap.fastmail.com."
        ),
    )
    security = forms.ChoiceField(
        label=_("Security"), choices=ImapAccount.Security.choices, initial=ImapAccount.Security.SSL
    )
    port = forms.IntegerField(
        label=_("Port"), min_value=1, max_value=65535, initial=993, help_text=_("Usually 993.")
    )
    username = forms.CharField(
        label=_("User name"), max_length=320, help_text=_("Usually your full email address.")
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=500,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Many providers want an app password for IMAP; it is stored encrypted."),
    )
    folder = forms.CharField(
        label=_("Folder"),
        max_length=255,
        initial="INBOX",
        help_text=_(
            "Only this folder is read. A folder of its own (say “Job search”) with a filter "
            "that copies job mail into it keeps the rest of your mail out of Rebound."
        ),
    )

    def clean_host(self) -> str:
        host = self.cleaned_data["host"].strip().lower()
        if not re.fullmatch(r"[a-z0-9.\-]+|\[?[0-9a-f:.]+\]?", host):
            raise forms.ValidationError(
                gettext("Write just the server’s name, like imap.example.com.")
            )
        return host.strip("[]")

    def _no_control(self, name: str) -> str:
        value: str = self.cleaned_data[name]
        if _CONTROL.search(value):
            raise forms.ValidationError(gettext("This has a character an IMAP server can’t take."))
        return value

    def clean_username(self) -> str:
        return self._no_control("username").strip()

    def clean_password(self) -> str:
        return self._no_control("password")

    def clean_folder(self) -> str:
        return self._no_control("folder").strip()
