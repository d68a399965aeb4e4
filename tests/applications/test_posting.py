"""Reading postings: common title shapes, and what the bookmarklet sends."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from applications.forms import QuickAddForm
from applications.models import Application
from applications.posting import split_title


@pytest.mark.parametrize(
    ("title", "role", "company"),
    [
        (
            "Senior Data Analyst – Northwind Analytics | Careers",
            "Senior Data Analyst",
            "Northwind Analytics",
        ),
        ("Backend Engineer at Lumen Health", "Backend Engineer", "Lumen Health"),
        ("Backend Engineer at Lumen Health | LinkedIn", "Backend Engineer", "Lumen Health"),
        (
            "Orbit Logistics: Product Designer (m/w/d)",
            "Product Designer (m/w/d)",
            "Orbit Logistics",
        ),
        ("Data Engineer - Fernhill Studio - Berlin", "Data Engineer", "Fernhill Studio"),
        ("Job Application for QA Lead at Initech", "Job Application for QA Lead", "Initech"),
        ("Careers", "Careers", ""),
    ],
)
def test_it_splits_common_title_shapes(title, role, company):
    posting = split_title(title)
    assert (posting.role, posting.company) == (role, company)


def test_quick_add_starts_from_a_title_or_a_job_posting():
    from_title = QuickAddForm.initial_from(
        QueryDict("title=Backend+Engineer+at+Lumen+Health&posting_url=https://x.example/1")
    )
    assert (from_title["role"], from_title["company"]) == ("Backend Engineer", "Lumen Health")
    from_posting = QuickAddForm.initial_from(
        QueryDict(
            "role=Data+Analyst&company=Northwind&location=Berlin,+DE&salary_min=68000.0"
            "&salary_max=78000&currency=eur&posting_url=https://x.example/2&evil=1"
        )
    )
    assert from_posting["salary_min"] == "68000" and from_posting["currency"] == "EUR"
    assert "evil" not in from_posting


@pytest.mark.django_db
def test_the_user_confirms_before_anything_is_saved(alice_client):
    url = reverse("applications:quick_add") + "?title=QA+Lead+at+Initech"
    page = alice_client.get(url).content.decode()
    assert 'value="QA Lead"' in page and 'value="Initech"' in page
    assert not Application.objects.exists()
    alice_client.post(
        reverse("applications:quick_add"),
        {
            "company": "Initech",
            "role": "QA Lead",
            "status": "wishlist",
            "salary_min": "50000",
            "salary_max": "40000",
        },
    )
    assert not Application.objects.exists()  # a reversed range is an error, nothing saved


def test_it_splits_a_german_title():
    posting = split_title("Datenanalyst (m/w/d) bei Northwind GmbH | Karriere")
    assert (posting.role, posting.company) == ("Datenanalyst (m/w/d)", "Northwind GmbH")
