"""Reading a job posting's page: its schema.org JobPosting, or the shape of its title."""

import re
from dataclasses import dataclass

# Job boards' title suffixes that name the site, not the employer.
SITE_SUFFIXES = re.compile(
    r"\s*[|·•–—-]\s*(careers?|jobs?( at [^|]+)?|job board|hiring|linkedin|indeed|"
    r"glassdoor|stepstone|xing|welcome to the jungle|greenhouse|lever|workday|"
    r"smartrecruiters|ashby|personio|join|karriere|stellenangebote?|stellenanzeige|"
    r"jobs bei [^|]+)\s*$",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"\s+[|–—-]\s+")


@dataclass
class Posting:
    role: str = ""
    company: str = ""


def split_title(title: str) -> Posting:
    """The role and the company in common title shapes, or the whole title as the role.

    "Data Analyst – Northwind | Careers", "Data Analyst at Northwind",
    "Northwind: Data Analyst", "Data Analyst - Northwind - Berlin" (the first two parts),
    and the German "Data Analyst bei Northwind".
    """
    text = " ".join(title.split())
    for _ in range(2):
        text = SITE_SUFFIXES.sub("", text)
    at = re.match(
        r"^(?P<role>.+?)\s+(?:at|bei|@)\s+(?P<company>[^|–—-]+?)(?:\s+[|–—-]\s+.*)?$", text
    )
    if at:
        return Posting(role=at["role"].strip(), company=at["company"].strip())
    colon = re.match(r"^(?P<company>[^:]{2,60}):\s+(?P<role>.+)$", text)
    if colon:
        return Posting(role=colon["role"].strip(), company=colon["company"].strip())
    parts = [p.strip() for p in SEPARATORS.split(text) if p.strip()]
    if len(parts) >= 2:
        return Posting(role=parts[0], company=parts[1])
    return Posting(role=text)
