"""Request types for views behind @login_required (django-stubs' recommended pattern)."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from rebound.models import User


class AuthedRequest(HttpRequest):
    user: User
    htmx: HtmxDetails
