"""The "add to Rebound" bookmarklet: opens quick add with the page's title and address."""

from django.http import HttpRequest
from django.urls import reverse


def bookmarklet(request: HttpRequest) -> str:
    url = request.build_absolute_uri(reverse("applications:quick_add"))
    return (
        "javascript:(()=>{window.open('" + url + "?role='+encodeURIComponent(document.title)"
        "+'&posting_url='+encodeURIComponent(location.href),'_blank')})()"
    )
