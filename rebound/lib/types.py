"""Request types for views behind @login_required (django-stubs' recommended pattern), and the
type of words that may be translated lazily."""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.functional import Promise
from django_htmx.middleware import HtmxDetails

from rebound.models import User


class AuthedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails


# Words a user reads: a string, or a lazy translation of one (gettext_lazy) made into text in
# the reader's language when it is shown. (django-stubs names the lazy string's type only for
# the type checker, as django_stubs_ext does; the running code needs just Promise.)
if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    StrOrPromise = str | _StrPromise
else:
    StrOrPromise = str | Promise
