"""Search engines: public pages describe themselves, private pages ask not to be indexed."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC = ["landing", "login", "signup", "password_reset"]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_have_a_description_and_may_be_indexed(client, name):
    page = client.get(reverse(name)).content.decode()
    assert '<meta name="description" content="' in page
    assert "noindex" not in page


@pytest.mark.parametrize("url", ["/home/", "/applications/", "/applications/board/", "/reminders/"])
def test_private_pages_are_not_indexed(alice_client, url):
    page = alice_client.get(url).content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert 'name="description"' not in page


def test_robots_txt_keeps_crawlers_off_the_admin_and_one_click_links(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /r/",
    ]
