"""The facts in a message: the company, the role, and the dates that matter.

Applicant-tracking systems send from their own domain, so the sender's address rarely names
the employer. Each names it somewhere else: the display name ("Northwind Labs" <no-reply@
greenhouse-mail.io>), a tenant subdomain (fernwerk.jobs.personio.de, acme@myworkday.com), the
subject ("Your application to X at Northwind Labs") or the signature. Company hints are
gathered from all of them; matching.py compares them with the user's companies, and the
single best name is what a new application would be called.

The modules: ``facts`` (the entry, ``extract``), ``companies`` (who the employer is),
``roles`` (what the role is called), ``dates`` (the interview's time, reply-by and
apply-again dates).
"""
