"""The policies of two security headers, for the settings (docs/security.md, "What a page may
do in the browser"). Plain values, kept apart so the settings read as a list of choices."""

from typing import Any
from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF


def content_security_policy(*, sign_on_issuer: str = "") -> dict[str, Any]:
    """django-csp's policy: scripts only from this site or with the request's nonce; styles
    also inline (Bootstrap components and the email preview use style=""); no plugins, no
    framing by anyone; forms post only here, and to the single sign-on provider when there is
    one (its log-in button posts to Rebound, which redirects there: browsers hold that
    redirect to form-action too)."""
    form_action = [SELF]
    if sign_on_issuer:
        issuer = urlsplit(sign_on_issuer)
        form_action.append(f"{issuer.scheme}://{issuer.netloc}")
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF, "'unsafe-inline'"],
            "img-src": [SELF, "data:"],
            "font-src": [SELF],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": form_action,
            "frame-ancestors": [NONE],
        }
    }


# django-permissions-policy: every powerful feature off; no page uses one.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}
