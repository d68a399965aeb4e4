"""The corpus's hard cases, written one by one (invented people and companies, no real mail).

Each is a message a keyword rule gets wrong: a rejection that never says "unfortunately", a
confirmation that does, "unable to offer", a job alert full of "interview" and "offer", an
agency writing for an employer, two roles at one company, an applicant-tracking sender that
names the employer only in its display name or signature, forwards nested and pasted.
"""

from collections.abc import Callable

Add = Callable[[str, str, str, str, str, str, str, str, str], None]

W = "Jana Weber <jana.weber@example.org>"


def add_hard_cases(hard: Add) -> None:
    # --- Rejections ---------------------------------------------------------------------
    hard(
        "hard-rj-01-pursue-others.eml",
        "rejection",
        "Northwind Labs",
        "Data Analyst",
        "northwind-da",
        "tune",
        "en",
        "hand-written: a Greenhouse-style rejection that never says 'unfortunately'",
        f"""From: "Northwind Labs" <no-reply@us.greenhouse-mail.io>
To: {W}
Subject: Your Data Analyst application at Northwind Labs
Date: Thu, 03 Dec 2026 16:40:11 +0100
Message-ID: <gh-88213@us.greenhouse-mail.io>

Hi Jana,

Thanks for taking the time to apply for our Data Analyst role. We've reviewed your
application and have decided to pursue other candidates for this position.

We appreciate your interest in Northwind Labs and hope you'll keep an eye on our careers
page.

Northwind Labs Talent Team
""",
    )
    hard(
        "hard-rj-02-unable-to-offer.eml",
        "rejection",
        "Kestrel Payments",
        "Product Manager",
        "kestrel",
        "tune",
        "en",
        "hand-written: 'unable to offer' (the collision career-ops guards against)",
        f"""From: "Kestrel Payments" <no-reply@hire.lever.co>
To: {W}
Subject: Kestrel Payments - Product Manager
Date: Tue, 24 Nov 2026 10:02:00 +0000

Dear Jana,

Thank you for interviewing with us for the Product Manager position. While we enjoyed
getting to know you, we are unable to offer you the role at this time.

We wish you the very best,
Kestrel Payments Hiring Team
""",
    )
    hard(
        "hard-rj-03-kein-angebot.eml",
        "rejection",
        "Alpenblick Versicherung AG",
        "Referent Controlling (m/w/d)",
        "alpenblick",
        "heldout",
        "de",
        "hand-written: a German rejection without 'leider', worded as 'no offer'",
        f"""From: "Alpenblick Versicherung AG" <karriere@alpenblick-versicherung.de>
To: {W}
Subject: Ihre Bewerbung als Referent Controlling (m/w/d)
Date: Mon, 30 Nov 2026 09:12:44 +0100

Sehr geehrte Frau Weber,

haben Sie vielen Dank für Ihre Bewerbung und das freundliche Gespräch. Nach Abschluss des
Auswahlverfahrens sehen wir uns nicht in der Lage, Ihnen ein Vertragsangebot zu machen.

Wir danken Ihnen für Ihr Interesse an der Alpenblick Versicherung AG.

Mit freundlichen Grüßen
Personalentwicklung
""",
    )
    hard(
        "hard-rj-04-position-filled.eml",
        "rejection",
        "Brightline Logistics",
        "Operations Analyst",
        "brightline",
        "tune",
        "en",
        "hand-written: 'the position has been filled', no other rejection words",
        f"""From: "Brightline Logistics HR" <hr@brightline-logistics.com>
To: {W}
Subject: Operations Analyst vacancy
Date: Fri, 20 Nov 2026 14:31:09 +0000

Hello Jana,

Thank you for your application for the Operations Analyst vacancy. We would like to let you
know that the position has now been filled.

Thank you for the interest you have shown in Brightline Logistics.

Regards,
HR Team
""",
    )
    hard(
        "hard-rj-05-stelle-besetzt.eml",
        "rejection",
        "Kranich Logistik",
        "Disponent (m/w/d)",
        "kranich",
        "heldout",
        "de",
        "hand-written: German 'the position is filled'",
        f"""From: "Kranich Logistik" <personal@kranich-logistik.de>
To: {W}
Subject: Ihre Bewerbung als Disponent (m/w/d)
Date: Wed, 02 Dec 2026 11:20:00 +0100

Guten Tag Frau Weber,

vielen Dank für Ihre Bewerbung. Wir möchten Sie informieren, dass die ausgeschriebene Stelle
inzwischen besetzt ist.

Wir bedanken uns für Ihr Interesse und wünschen Ihnen für die Zukunft alles Gute.

Ihr Kranich Logistik Team
""",
    )
    hard(
        "hard-rj-06-role-closed.eml",
        "rejection",
        "Quillon Software",
        "Frontend Developer",
        "quillon",
        "tune",
        "en",
        "hand-written after Teamtailor's 'job closed' notice: a closed role ends the application",
        f"""From: "Quillon Software" <no-reply@quillon.teamtailor-mail.com>
To: {W}
Subject: About the Frontend Developer role
Date: Mon, 23 Nov 2026 08:05:00 +0100

Hi Jana,

We wanted to let you know that we've closed the Frontend Developer position and are no
longer considering applications for it, including yours. Thank you for the time you put into
applying.

Team Quillon
""",
    )
    hard(
        "hard-rj-07-keep-cv.eml",
        "rejection",
        "Tidewater Insurance",
        "Business Analyst",
        "tidewater",
        "heldout",
        "en",
        "hand-written: a warm rejection that keeps the CV on file",
        f"""From: "Priya Raman" <priya.raman@tidewater-ins.com>
To: {W}
Subject: Business Analyst - feedback
Date: Thu, 26 Nov 2026 17:45:00 +0000

Hi Jana,

I hope you're well. I wanted to personally let you know that the hiring panel has chosen
another candidate for the Business Analyst role. It was a close call, and your case study
was one of the strongest we saw.

With your permission, I'd like to keep your CV on file and reach out when a similar
position opens up in the new year.

Warmly,
Priya Raman
Talent Partner, Tidewater Insurance
""",
    )
    hard(
        "hard-rj-08-apply-again.eml",
        "rejection",
        "Rivet Analytics",
        "Machine Learning Engineer",
        "rivet",
        "tune",
        "en",
        "hand-written: an Ashby-style rejection inviting a new application in six months",
        f"""From: "Rivet Analytics Hiring Team" <no-reply@ashbyhq.com>
To: {W}
Subject: Your application with Rivet Analytics
Date: Tue, 01 Dec 2026 19:02:00 +0000

Hi Jana,

Thank you for interviewing for the Machine Learning Engineer role. After much discussion,
the team has decided not to extend an offer at this stage.

We'd genuinely encourage you to apply again in six months - you were close, and the team
is growing.

Best,
Rivet Analytics
""",
    )
    hard(
        "hard-rj-09-agency-client.eml",
        "rejection",
        "Helix Bio",
        "Platform Engineer",
        "helix-pe",
        "tune",
        "en",
        "hand-written: an agency recruiter passing on the employer's decision",
        f"""From: "Tom Okafor" <tom.okafor@brueckner-talent.example>
To: {W}
Subject: Helix Bio - Platform Engineer
Date: Wed, 25 Nov 2026 12:10:00 +0000

Hi Jana,

I've just heard back from my client Helix Bio regarding the Platform Engineer role. They've
reviewed your profile and won't be taking your application further this time, as they're
prioritising candidates with more Kubernetes operations experience.

I'll keep you in mind for other roles I'm working on.

Tom Okafor
Brückner Talent Partners
""",
    )
    hard(
        "hard-rj-10-mandant.eml",
        "rejection",
        "Orbis Mobility GmbH",
        "Data Scientist",
        "orbis",
        "heldout",
        "de",
        "hand-written: a German personnel consultant relaying the client's no",
        f"""From: "Katrin Vogel" <k.vogel@falkenstein-personal.example>
To: {W}
Subject: Rückmeldung Orbis Mobility - Data Scientist
Date: Fri, 27 Nov 2026 15:00:00 +0100

Liebe Frau Weber,

unser Mandant, die Orbis Mobility GmbH, hat sich nach Sichtung der Unterlagen gegen eine
Einladung zum Gespräch für die Position Data Scientist entschieden.

Ich melde mich, sobald ich eine passende Vakanz für Sie habe.

Beste Grüße
Katrin Vogel
Personalberatung Falkenstein
""",
    )
    hard(
        "hard-rj-11-not-selected.eml",
        "rejection",
        "Blue Heron Bank",
        "Risk Analyst",
        "heron",
        "tune",
        "en",
        "hand-written after an iCIMS-style status notice: 'not selected'",
        f"""From: "Blue Heron Bank Talent Acquisition" <blueheron@talent.icims.com>
To: {W}
Subject: Status of your application: Risk Analyst
Date: Sat, 28 Nov 2026 02:14:00 +0000

Dear Jana Weber,

Thank you for your interest in the Risk Analyst position. You were not selected to move
forward in the process for this requisition.

Please visit our career portal for future opportunities.

Blue Heron Bank
""",
    )
    hard(
        "hard-rj-12-different-direction.eml",
        "rejection",
        "Zephyr Cloud",
        "Site Reliability Engineer",
        "zephyr-sre",
        "tune",
        "en",
        "hand-written: a company with two open applications; this one names its role",
        f"""From: "Zephyr Cloud Hiring Team" <no-reply@ashbyhq.com>
To: {W}
Subject: Site Reliability Engineer at Zephyr Cloud
Date: Thu, 19 Nov 2026 09:00:00 +0000

Hi Jana,

Thanks for your patience while we reviewed applications for Site Reliability Engineer. The
team has decided to go in a different direction for this role.

Your application for other Zephyr Cloud roles is not affected by this decision.

The Zephyr Cloud team
""",
    )
    hard(
        "hard-rj-13-second-role.eml",
        "rejection",
        "Northwind Labs",
        "Analytics Engineer",
        "northwind-ae",
        "heldout",
        "en",
        "hand-written: the other of two Northwind Labs roles",
        f"""From: "Northwind Labs" <no-reply@us.greenhouse-mail.io>
To: {W}
Subject: Update on your application
Date: Fri, 04 Dec 2026 11:11:11 +0100

Hi Jana,

Thank you for applying for the Analytics Engineer position at Northwind Labs. We have
carefully reviewed your background, and we will not be moving forward with your
application.

Best of luck in your search,
Northwind Labs Talent Team
""",
    )
    hard(
        "hard-rj-14-reply-with-offer-in-quote.eml",
        "rejection",
        "Sundial Energy",
        "Project Engineer",
        "sundial",
        "tune",
        "en",
        "hand-written: a reply whose quoted history (the user's words) mentions an offer",
        f"""From: "Ben Adeyemi" <ben.adeyemi@sundial-energy.com>
To: {W}
Subject: Re: Project Engineer - thank you
Date: Mon, 30 Nov 2026 13:25:00 +0000
In-Reply-To: <jw-77@example.org>

Hi Jana,

Thanks for your kind note. I'm afraid the panel has decided not to proceed with your
application; we went with someone who has more grid-connection experience.

All the best,
Ben

On Thu, Nov 26, 2026 at 6:02 PM Jana Weber <jana.weber@example.org> wrote:
> Hi Ben, thank you for the interview today! I'm really excited about the role and would
> be thrilled to receive an offer. Looking forward to the next steps.
> Jana
""",
    )
    hard(
        "hard-rj-15-nicht-fortsetzen.eml",
        "rejection",
        "Fernwerk GmbH",
        "Softwareentwickler Java (m/w/d)",
        "fernwerk",
        "tune",
        "de",
        "hand-written after a Personio rejection, without 'leider'",
        f"""From: "Fernwerk GmbH" <jobs@fernwerk.jobs.personio.de>
To: {W}
Subject: Deine Bewerbung bei Fernwerk
Date: Tue, 17 Nov 2026 10:45:00 +0100

Hallo Jana,

danke für deine Bewerbung als Softwareentwickler Java (m/w/d). Wir haben uns entschieden, den
Prozess mit dir nicht fortzusetzen, da wir aktuell Profile mit mehr Spring-Erfahrung suchen.

Alles Gute für deine Suche
Dein Fernwerk-Team
""",
    )
    hard(
        "hard-rj-16-engere-auswahl.eml",
        "rejection",
        "Nordlicht Medien GmbH",
        "Online-Redakteur (m/w/d)",
        "nordlicht",
        "heldout",
        "de",
        "hand-written: 'not in the shortlist' in German",
        f"""From: "Nordlicht Medien GmbH" <bewerbung@nordlicht.de>
To: {W}
Subject: Ihre Bewerbung: Online-Redakteur (m/w/d)
Date: Wed, 18 Nov 2026 08:30:00 +0100

Sehr geehrte Frau Weber,

wir danken Ihnen für Ihr Interesse an unserem Haus. Nach eingehender Prüfung müssen wir
Ihnen mitteilen, dass Sie nicht in die engere Auswahl gekommen sind.

Mit freundlichen Grüßen
Nordlicht Medien GmbH
Personal
""",
    )
    hard(
        "hard-rj-17-html-script.eml",
        "rejection",
        "Parcel Harbor",
        "Customer Success Manager",
        "parcel",
        "tune",
        "en",
        "hand-written: HTML-only rejection with a script, a style block and a tracking pixel",
        f"""From: "Parcel Harbor Careers" <careers@parcelharbor.com>
To: {W}
Subject: Customer Success Manager at Parcel Harbor
Date: Sun, 22 Nov 2026 20:00:00 +0000
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"

<html><head><style>.x{{color:red}}</style><script>document.location='https://evil.example/'</script></head>
<body><p>Hi Jana,</p><p>Thank you for applying to be our Customer Success Manager. We have
decided to proceed with other applicants whose experience is a closer match.</p>
<p>Best wishes,<br>Parcel Harbor</p><img src="https://track.example.net/p.gif"></body></html>
""",
    )
    hard(
        "hard-rj-18-nested-forward.eml",
        "rejection",
        "Copperleaf Studios",
        "Technical Writer",
        "copperleaf",
        "heldout",
        "en",
        "hand-written: a rejection forwarded to a friend, then forwarded on to Rebound",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: Fwd: FW: Technical Writer application
Date: Sat, 05 Dec 2026 10:00:00 +0100

---------- Forwarded message ---------
From: Lena Hoffmann <lena.h@example.net>
Date: Fri, Dec 4, 2026 at 9:12 PM
Subject: FW: Technical Writer application
To: Jana Weber <jana.weber@example.org>

sorry to hear :( here it is back

-----Original Message-----
From: Jana Weber <jana.weber@example.org>
Sent: Friday, December 4, 2026 6:30 PM
To: Lena Hoffmann <lena.h@example.net>
Subject: FW: Technical Writer application

look what came

-----Original Message-----
From: Copperleaf Studios <jobs@copperleaf.studio>
Sent: Friday, December 4, 2026 3:05 PM
To: Jana Weber <jana.weber@example.org>
Subject: Technical Writer application

Hi Jana,
thanks for applying to Copperleaf. We've now completed our review and won't be moving ahead
with your application for the Technical Writer position.
Copperleaf Studios
""",
    )
    hard(
        "hard-rj-19-pasted-outlook.eml",
        "rejection",
        "Maple & Finch",
        "Marketing Manager",
        "maple",
        "tune",
        "en",
        "hand-written: text copied out of Outlook (no MIME headers, 'Sent:' not 'Date:')",
        """From: Maple & Finch Careers <careers@mapleandfinch.co.uk>
Sent: Tuesday, December 1, 2026 11:47 AM
To: Jana Weber
Subject: Marketing Manager - your application

Dear Jana,

Many thanks for your interest in the Marketing Manager role. We've now reviewed all
applications and regret that we won't be taking yours forward to interview.

Kind regards,
The People Team at Maple & Finch
""",
    )
    hard(
        "hard-rj-20-after-assessment.eml",
        "rejection",
        "Vantor Robotics",
        "Embedded Software Engineer",
        "vantor",
        "tune",
        "en",
        "hand-written: a rejection after a coding challenge (assessment words everywhere)",
        f"""From: "Vantor Robotics Recruiting" <careers@vantor.ai>
To: {W}
Subject: Your coding challenge - Embedded Software Engineer
Date: Wed, 02 Dec 2026 15:15:00 +0000

Hi Jana,

Thank you for completing the coding challenge for the Embedded Software Engineer role. Our
engineers reviewed your submission carefully, and we won't be inviting you to the next
stage of interviews.

We appreciate the time you invested in the assessment.

Vantor Robotics Recruiting
""",
    )
    hard(
        "hard-rj-21-mitbewerber.eml",
        "rejection",
        "Stadtwerke Tannberg",
        "IT-Projektleiter (m/w/d)",
        "tannberg",
        "heldout",
        "de",
        "hand-written: a public utility's formal German rejection after an interview",
        f"""From: "Stadtwerke Tannberg Personal" <personal@swtannberg.de>
To: {W}
Subject: Stellenausschreibung IT-Projektleiter (m/w/d)
Date: Thu, 03 Dec 2026 13:00:00 +0100

Sehr geehrte Frau Weber,

nochmals vielen Dank für das angenehme Vorstellungsgespräch. Nach reiflicher Überlegung haben
wir uns für einen Mitbewerber entschieden, dessen Profil unseren Anforderungen noch etwas
näher kommt.

Ihre Bewerbungsunterlagen werden nach Ablauf der gesetzlichen Frist gelöscht.

Mit freundlichen Grüßen
Stadtwerke Tannberg
""",
    )
    hard(
        "hard-rj-22-linkedin-update.eml",
        "rejection",
        "Lumen Health",
        "UX Researcher",
        "lumen",
        "tune",
        "en",
        "hand-written after LinkedIn's 'an update from' notice: the employer named in subject",
        f"""From: "LinkedIn" <jobs-noreply@linkedin.com>
To: {W}
Subject: Your application to UX Researcher at Lumen Health
Date: Fri, 27 Nov 2026 07:31:00 +0000

Your update from Lumen Health

Thank you for your interest in the UX Researcher position at Lumen Health in Berlin.
Unfortunately, Lumen Health has decided not to proceed with your application.

View similar jobs
""",
    )
    # --- Interview invitations ---------------------------------------------------------
    hard(
        "hard-iv-01-moved.eml",
        "interview_invite",
        "Lumen Health",
        "UX Researcher",
        "lumen",
        "tune",
        "en",
        "hand-written: an interview moved to a new time",
        f"""From: "Sarah Whitfield" <sarah.whitfield@lumenhealth.io>
To: {W}
Subject: Change of time: UX Researcher interview
Date: Mon, 30 Nov 2026 09:40:00 +0100

Hi Jana,

I'm afraid our research lead can't make Wednesday. Could we move your interview to
Thursday, 10 December at 15:00 CET instead? Same Google Meet link.

Thank you for your flexibility!
Sarah
""",
    )
    hard(
        "hard-iv-02-agency.eml",
        "interview_invite",
        "Vantor Robotics",
        "Embedded Software Engineer",
        "vantor",
        "heldout",
        "en",
        "hand-written: an agency arranging an interview with its client",
        f"""From: "Chris Lindqvist" <chris@lindqvist-search.example>
To: {W}
Subject: Vantor Robotics would like to meet you
Date: Tue, 24 Nov 2026 16:20:00 +0000

Hi Jana,

Good news - my client Vantor Robotics liked your CV for the Embedded Software Engineer
position and would like to invite you to a first interview on Monday 14 December at 10:00
(CET) with their firmware lead.

Can you confirm the time works?

Chris Lindqvist
Lindqvist Search
""",
    )
    hard(
        "hard-iv-03-du-kaffee.eml",
        "interview_invite",
        "Fernwerk GmbH",
        "Softwareentwickler Java (m/w/d)",
        "fernwerk",
        "tune",
        "de",
        "hand-written: an informal German invitation without the word 'Vorstellungsgespräch'",
        f"""From: "Markus Brandt" <markus.brandt@fernwerk.de>
To: {W}
Subject: Kennenlernen bei Fernwerk
Date: Wed, 11 Nov 2026 14:14:00 +0100

Hi Jana,

deine Bewerbung als Softwareentwickler Java hat uns gut gefallen! Wir würden dich gerne zu
einem Gespräch mit unserem Team einladen - passt dir Mittwoch, der 18. November, um 11 Uhr
bei uns im Büro?

Viele Grüße
Markus
""",
    )
    hard(
        "hard-iv-04-unfortunately-moved.eml",
        "interview_invite",
        "Helix Bio",
        "Backend Engineer",
        "helix-be",
        "tune",
        "en",
        "hand-written: 'unfortunately' in a message that moves an interview to a new time",
        f"""From: "Aylin Demir" <aylin.demir@helixbio.de>
To: {W}
Subject: Backend Engineer interview - new time
Date: Thu, 03 Dec 2026 08:10:00 +0100

Hi Jana,

Unfortunately our interviewer is ill today. Could we reschedule your technical interview for
the Backend Engineer role to Friday, 11 December at 10:00 CET? Apologies for the short
notice.

Best,
Aylin
""",
    )
    hard(
        "hard-iv-05-two-roles-unnamed.eml",
        "interview_invite",
        "Zephyr Cloud",
        "",
        "ambiguous",
        "heldout",
        "en",
        "hand-written: two applications at one company and an invitation naming neither role",
        f"""From: "Nora Fischer" <nora.fischer@zephyrcloud.io>
To: {W}
Subject: Chat with Zephyr Cloud
Date: Tue, 01 Dec 2026 11:00:00 +0000

Hi Jana,

Thanks for your interest in Zephyr Cloud! I'd like to invite you to an interview with our
infrastructure team. Would Wednesday 9 December at 14:00 GMT work?

Best,
Nora
""",
    )
    hard(
        "hard-iv-06-slots-offer.eml",
        "interview_invite",
        "Copperleaf Studios",
        "Technical Writer",
        "copperleaf",
        "tune",
        "en",
        "hand-written: 'we can offer you the following slots' in an invitation",
        f"""From: "Copperleaf Studios" <jobs@copperleaf.studio>
To: {W}
Subject: Interview - Technical Writer
Date: Mon, 16 Nov 2026 10:30:00 +0000

Hi Jana,

We'd love to talk to you about the Technical Writer role. We can offer you the following
interview slots: Tuesday 24 November at 10:00 or Wednesday 25 November at 14:00 (UK time).

Let us know which suits you best.
Copperleaf Studios
""",
    )
    hard(
        "hard-iv-07-de-gespraech.eml",
        "interview_invite",
        "Grünfeld Bau GmbH",
        "Bauingenieur (m/w/d)",
        "gruenfeld",
        "tune",
        "de",
        "hand-written: a formal German invitation with an address and a date",
        f"""From: "Grünfeld Bau GmbH" <bewerbung@gruenfeld-bau.de>
To: {W}
Subject: Ihre Bewerbung als Bauingenieur (m/w/d) - Einladung
Date: Fri, 20 Nov 2026 12:00:00 +0100

Sehr geehrte Frau Weber,

wir freuen uns, Sie zu einem persönlichen Gespräch am Dienstag, 1. Dezember 2026, um 9:30 Uhr
in unsere Niederlassung in Augsburg einzuladen.

Mit freundlichen Grüßen
Grünfeld Bau GmbH
""",
    )
    # --- Status updates --------------------------------------------------------------------
    hard(
        "hard-su-01-postponed.eml",
        "status_update_other",
        "Rivet Analytics",
        "Machine Learning Engineer",
        "rivet",
        "tune",
        "en",
        "hand-written: an interview postponed with no new time",
        f"""From: "Daniel Moreau" <daniel.moreau@rivetanalytics.com>
To: {W}
Subject: Machine Learning Engineer - interview postponed
Date: Mon, 16 Nov 2026 09:00:00 +0000

Hi Jana,

Unfortunately we need to postpone Thursday's interview for the Machine Learning Engineer
role, as the team is re-planning its priorities. I'll get back to you with a new date as
soon as I can.

Sorry for the inconvenience,
Daniel
""",
    )
    hard(
        "hard-su-02-freeze.eml",
        "status_update_other",
        "Kestrel Payments",
        "Product Manager",
        "kestrel",
        "heldout",
        "en",
        "hand-written: a hiring freeze that pauses, not ends, the application",
        f"""From: "Kestrel Payments" <talent@kestrelpay.com>
To: {W}
Subject: An update on the Product Manager process
Date: Wed, 11 Nov 2026 18:00:00 +0000

Hi Jana,

I wanted to be transparent with you: we've had to introduce a temporary hiring freeze, and
the Product Manager process is paused until January. Your application stays open and we'll
reach out when we resume.

Thanks for understanding,
Kestrel Payments Talent
""",
    )
    hard(
        "hard-su-03-viewed.eml",
        "status_update_other",
        "Quillon Software",
        "Frontend Developer",
        "quillon",
        "tune",
        "en",
        "hand-written after LinkedIn's 'application viewed' notice",
        f"""From: "LinkedIn" <jobs-noreply@linkedin.com>
To: {W}
Subject: Your application was viewed by Quillon Software
Date: Sat, 07 Nov 2026 06:00:00 +0000

Jana, your application was viewed by Quillon Software.

Frontend Developer
Quillon Software - Berlin

View job
""",
    )
    hard(
        "hard-su-04-verschoben.eml",
        "status_update_other",
        "Grünfeld Bau GmbH",
        "Bauingenieur (m/w/d)",
        "gruenfeld",
        "heldout",
        "de",
        "hand-written: a German postponement without a new date ('leider' inside)",
        f"""From: "Grünfeld Bau GmbH" <bewerbung@gruenfeld-bau.de>
To: {W}
Subject: AW: Gesprächstermin Bauingenieur (m/w/d)
Date: Mon, 30 Nov 2026 07:45:00 +0100

Sehr geehrte Frau Weber,

leider müssen wir unser Gespräch am Dienstag kurzfristig verschieben. Wir melden uns in den
nächsten Tagen mit einem neuen Terminvorschlag bei Ihnen.

Mit freundlichen Grüßen
Grünfeld Bau GmbH
""",
    )
    hard(
        "hard-su-05-pausiert.eml",
        "status_update_other",
        "Alpenblick Versicherung AG",
        "Referent Controlling (m/w/d)",
        "alpenblick",
        "tune",
        "de",
        "hand-written: a German 'position on hold'",
        f"""From: "Alpenblick Versicherung AG" <karriere@alpenblick-versicherung.de>
To: {W}
Subject: Zwischenbescheid zu Ihrer Bewerbung
Date: Tue, 10 Nov 2026 10:00:00 +0100

Sehr geehrte Frau Weber,

die Besetzung der Position Referent Controlling (m/w/d) ist derzeit aus internen Gründen
pausiert. Ihre Bewerbung bleibt selbstverständlich im Verfahren; wir kommen auf Sie zu.

Mit freundlichen Grüßen
Alpenblick Versicherung AG
""",
    )
    # --- Offers ---------------------------------------------------------------------------
    hard(
        "hard-of-01-pleased.eml",
        "offer",
        "Solace Games",
        "Gameplay Programmer",
        "solace",
        "tune",
        "en",
        "hand-written: an offer whose subject says only 'Welcome'",
        f"""From: "Julia Schreiber" <julia.schreiber@solacegames.com>
To: {W}
Subject: Welcome to Solace Games?
Date: Thu, 03 Dec 2026 17:00:00 +0000

Hi Jana,

I'm thrilled to let you know that we'd like to offer you the Gameplay Programmer position!
Your contract and the details of the package are attached; please let me know by Friday
11 December whether you accept.

Julia
""",
    )
    hard(
        "hard-of-02-de-zusage.eml",
        "offer",
        "Helix Bio",
        "Backend Engineer",
        "helix-be",
        "heldout",
        "de",
        "hand-written: a German offer ('Zusage', contract attached)",
        f"""From: "Lena Hoffmann" <lena.hoffmann@helixbio.de>
To: {W}
Subject: Zusage - Backend Engineer
Date: Fri, 04 Dec 2026 16:30:00 +0100

Liebe Jana,

wir freuen uns, dir eine Zusage für die Stelle als Backend Engineer geben zu können! Den
Arbeitsvertrag schicke ich dir anbei. Gib uns gerne bis Mittwoch Bescheid.

Herzliche Grüße
Lena
""",
    )
    # --- Confirmations ----------------------------------------------------------------------
    hard(
        "hard-ar-01-we-offer.eml",
        "application_received",
        "Northwind Labs",
        "Analytics Engineer",
        "northwind-ae",
        "tune",
        "en",
        "hand-written: a confirmation that advertises 'what we offer' and mentions interviews",
        f"""From: "Northwind Labs" <no-reply@us.greenhouse-mail.io>
To: {W}
Subject: Thanks for applying - Analytics Engineer
Date: Mon, 02 Nov 2026 09:01:00 +0100

Hi Jana,

We've received your application for Analytics Engineer. Our process usually has three
interviews, and we'll let you know within two weeks whether we'd like to start.

While you wait: we offer hybrid work, a learning budget and 30 days of holiday. Read more on
our careers page.

Northwind Labs Talent Team
""",
    )
    hard(
        "hard-ar-02-linkedin-sent.eml",
        "application_received",
        "Orbis Mobility GmbH",
        "Data Scientist",
        "orbis",
        "tune",
        "en",
        "hand-written after LinkedIn's 'application was sent' notice",
        f"""From: "LinkedIn" <jobs-noreply@linkedin.com>
To: {W}
Subject: Jana, your application was sent to Orbis Mobility GmbH
Date: Mon, 02 Nov 2026 20:14:00 +0000

Your application was sent to Orbis Mobility GmbH

Data Scientist
Orbis Mobility GmbH - Munich (Hybrid)
Applied on November 2, 2026

View application
""",
    )
    hard(
        "hard-ar-03-stepstone.eml",
        "application_received",
        "Grünfeld Bau GmbH",
        "Bauingenieur (m/w/d)",
        "gruenfeld",
        "heldout",
        "de",
        "hand-written after StepStone's confirmation: the employer only in subject and body",
        f"""From: "StepStone" <noreply@stepstone.de>
To: {W}
Subject: Ihre Bewerbung bei Grünfeld Bau GmbH
Date: Mon, 02 Nov 2026 11:30:00 +0100

Hallo Jana Weber,

Ihre Bewerbung als Bauingenieur (m/w/d) wurde erfolgreich an Grünfeld Bau GmbH übermittelt.

Viel Erfolg!
Ihr StepStone-Team
""",
    )
    hard(
        "hard-ar-04-join.eml",
        "application_received",
        "Kranich Logistik",
        "Disponent (m/w/d)",
        "kranich",
        "tune",
        "de",
        "hand-written after JOIN's confirmation",
        f"""From: "JOIN" <noreply@join.com>
To: {W}
Subject: Deine Bewerbung als Disponent (m/w/d) bei Kranich Logistik ist eingegangen
Date: Tue, 03 Nov 2026 08:00:00 +0100

Hallo Jana,

Kranich Logistik hat deine Bewerbung erhalten. Du bekommst eine Nachricht, sobald sich etwas
tut.

Dein JOIN-Team
""",
    )
    hard(
        "hard-ar-05-workday-signature.eml",
        "application_received",
        "Blue Heron Bank",
        "Risk Analyst",
        "heron",
        "heldout",
        "en",
        "hand-written after Workday: display name 'Workday', employer only in the signature",
        f"""From: "Workday" <blueheron@myworkday.com>
To: {W}
Subject: Application Received
Date: Mon, 02 Nov 2026 15:00:00 +0000

Dear Jana,

Thank you for applying for the position of Risk Analyst. We have received your application
and will review your qualifications.

Regards,
Talent Acquisition Team
Blue Heron Bank
""",
    )
    hard(
        "hard-ar-06-unknown-company.eml",
        "application_received",
        "Weidenhof Pharma GmbH",
        "Qualitätsmanager (m/w/d)",
        "new",
        "tune",
        "de",
        "hand-written: a confirmation from a company not in the tracker",
        f"""From: "Weidenhof Pharma GmbH" <jobs@weidenhof.jobs.personio.de>
To: {W}
Subject: Vielen Dank für Ihre Bewerbung
Date: Thu, 26 Nov 2026 09:00:00 +0100

Guten Tag Frau Weber,

vielen Dank für Ihre Bewerbung als Qualitätsmanager (m/w/d) bei der Weidenhof Pharma GmbH.
Wir haben Ihre Unterlagen erhalten und melden uns zeitnah.

Freundliche Grüße
Weidenhof Pharma GmbH
""",
    )
    hard(
        "hard-ar-07-unfortunately-volume.eml",
        "application_received",
        "Tidewater Insurance",
        "Business Analyst",
        "tidewater",
        "tune",
        "en",
        "hand-written: a confirmation that says 'unfortunately' (can't answer everyone)",
        f"""From: "Tidewater Insurance" <tidewater@talent.icims.com>
To: {W}
Subject: Thank you for your application - Business Analyst
Date: Tue, 03 Nov 2026 12:00:00 +0000

Dear Jana,

Thank you for applying for the Business Analyst role. We have received your application.
Unfortunately, due to the high volume of applications, we cannot respond to every
applicant individually, but we will contact you if you are shortlisted.

Tidewater Insurance Recruitment
""",
    )
    # --- Recruiters ------------------------------------------------------------------------
    hard(
        "hard-ro-01-interview-word.eml",
        "recruiter_outreach",
        "",
        "",
        "",
        "tune",
        "en",
        "hand-written: a cold agency message that proposes an 'interview'",
        f"""From: "Ben Adeyemi" <ben@adeyemi-recruitment.example>
To: {W}
Subject: Quick question
Date: Wed, 25 Nov 2026 10:00:00 +0000

Hi Jana,

I'm a recruiter specialising in data roles and came across your profile on LinkedIn. One of
my clients, a scale-up in Hamburg, is hiring a Senior Data Analyst and I could set up an
interview quickly if you're interested. The offer would be around EUR 75k.

Are you open to a short call this week?

Ben
""",
    )
    hard(
        "hard-ro-02-angebot.eml",
        "recruiter_outreach",
        "",
        "",
        "",
        "heldout",
        "de",
        "hand-written: a German headhunter with an 'interesting offer'",
        f"""From: "Markus Brandt" <m.brandt@brandt-executive.example>
To: {W}
Subject: Interessantes Angebot
Date: Thu, 19 Nov 2026 08:20:00 +0100

Guten Tag Frau Weber,

ich bin über Ihr LinkedIn-Profil auf Sie aufmerksam geworden und hätte ein interessantes
Angebot für Sie: Ein mittelständischer Maschinenbauer sucht eine Leitung Controlling.

Hätten Sie Zeit für ein kurzes, unverbindliches Telefonat?

Beste Grüße
Markus Brandt
""",
    )
    # --- Not about the user's search -------------------------------------------------------
    hard(
        "hard-nj-01-forwarded-alert.eml",
        "not_job",
        "",
        "",
        "",
        "tune",
        "en",
        "hand-written: a job alert full of 'interview' and 'offer', forwarded (no list headers)",
        f"""From: {W}
To: in+k3x9q@rebound.example
Subject: Fwd: 6 new jobs for "Data Analyst"
Date: Wed, 02 Dec 2026 21:00:00 +0100

---------- Forwarded message ---------
From: LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>
Date: Wed, Dec 2, 2026 at 8:00 AM
Subject: 6 new jobs for "Data Analyst"
To: <jana.weber@example.org>

Jobs you may like
Data Analyst - Polaris Data - Berlin - Actively interviewing
Senior Data Analyst - Mosaik Health - Remote - Great offer + equity
Data Analyst (m/f/d) - Brennwert AG - Hamburg - Interview in one week
Junior Data Analyst - Yellowtail - Cologne - Easy Apply
Data Analyst, Growth - Cinder Labs - Berlin - We offer a 4-day week
Lead Data Analyst - Orchard Systems - Munich - 2 interviews, quick offer
See all jobs
""",
    )
    hard(
        "hard-nj-02-jobempfehlungen.eml",
        "not_job",
        "",
        "",
        "",
        "heldout",
        "de",
        "hand-written: German job recommendations with 'Vorstellungsgespräch' and 'Angebot'",
        f"""From: "Jobbörse Nord" <empfehlungen@jobboerse-nord.example>
To: {W}
Subject: Ihre persönlichen Jobempfehlungen
Date: Sun, 29 Nov 2026 07:00:00 +0100
List-Unsubscribe: <https://jobboerse-nord.example/abmelden>

Hallo Jana Weber,

passend zu Ihrem Profil haben wir diese Stellen für Sie:

Controller (m/w/d) - Hafenblick - Bremen - Vorstellungsgespräch innerhalb einer Woche
Referent Finanzen (m/w/d) - Brennwert AG - Hamburg - attraktives Angebot
Projektcontroller (m/w/d) - Greywater Tech - Kiel - Jetzt bewerben

Leider passt keine? Passen Sie Ihr Suchprofil an.
""",
    )
    hard(
        "hard-nj-03-course-offer.eml",
        "not_job",
        "",
        "",
        "",
        "tune",
        "en",
        "hand-written: a course advert ('interview', 'offer ends')",
        f"""From: "Interview Academy" <hello@interview-academy.example>
To: {W}
Subject: Ace your next interview - offer ends Sunday
Date: Fri, 27 Nov 2026 12:00:00 +0000
List-Unsubscribe: <mailto:unsubscribe@interview-academy.example>

Black Friday: 60% off our Interview Masterclass. Learn how to answer behavioural questions,
negotiate your job offer, and bounce back from rejection.

This offer ends Sunday at midnight.
Unsubscribe
""",
    )
    hard(
        "hard-nj-04-account-created.eml",
        "not_job",
        "",
        "",
        "",
        "tune",
        "en",
        "hand-written after a candidate-portal account email (no application in it)",
        f"""From: "Greenhouse" <no-reply@greenhouse.io>
To: {W}
Subject: Your Greenhouse candidate account
Date: Sun, 01 Nov 2026 18:00:00 +0000

Welcome! Your candidate account has been created. Use the link below to set your password
and manage your profile.

If you didn't request this, you can ignore this email.
""",
    )
    hard(
        "hard-nj-05-premium.eml",
        "not_job",
        "",
        "",
        "",
        "heldout",
        "en",
        "hand-written: a premium-subscription advert mentioning recruiters and offers",
        f"""From: "LinkedIn Premium" <premium@linkedin.com>
To: {W}
Subject: Jana, a special offer: 50% off Premium Career
Date: Tue, 24 Nov 2026 09:00:00 +0000
List-Unsubscribe: <https://linkedin.com/unsub>

Stand out to recruiters and get 2x more interview requests. Special offer for you: 50% off
your first two months of Premium Career.

Try now | Unsubscribe
""",
    )
    hard(
        "hard-nj-06-top-applicant.eml",
        "not_job",
        "",
        "",
        "",
        "tune",
        "en",
        "hand-written: 'you're a top applicant' digest (congratulations, but not news)",
        f"""From: "LinkedIn" <jobs-noreply@linkedin.com>
To: {W}
Subject: Congratulations, you're a top applicant for 4 jobs
Date: Thu, 12 Nov 2026 07:00:00 +0000
List-Unsubscribe: <https://linkedin.com/unsub>

You're a top applicant for these jobs
Product Analyst - Yellowtail - Berlin
Data Analyst - Hafenblick - Hamburg
BI Analyst - Orchard Systems - Remote
Analytics Engineer - Cinder Labs - Berlin

Apply now to be among the first to be considered.
""",
    )
    hard(
        "hard-nj-07-friend.eml",
        "not_job",
        "",
        "",
        "",
        "tune",
        "en",
        "hand-written: a friend asking how the interview went",
        f"""From: "Lena Hoffmann" <lena.h@example.net>
To: {W}
Subject: how did it go??
Date: Wed, 18 Nov 2026 19:30:00 +0100

Hey! How did the interview go today? Fingers crossed they make you an offer :)
Dinner on Friday to celebrate either way?

L
""",
    )
    hard(
        "hard-nj-08-bewerbungstipps.eml",
        "not_job",
        "",
        "",
        "",
        "heldout",
        "de",
        "hand-written: a job board's German tips newsletter",
        f"""From: "StepStone Magazin" <magazin@stepstone.de>
To: {W}
Subject: Bewerbungstipps: So überzeugen Sie im Vorstellungsgespräch
Date: Sat, 21 Nov 2026 10:00:00 +0100
List-Unsubscribe: <https://stepstone.de/newsletter/abmelden>

Die besten Tipps für Ihr nächstes Vorstellungsgespräch, wie Sie ein Jobangebot verhandeln und
was Sie nach einer Absage tun können.

Newsletter abbestellen
""",
    )
    # --- Assessments ----------------------------------------------------------------------
    hard(
        "hard-as-01-codility.eml",
        "assessment",
        "Vantor Robotics",
        "Embedded Software Engineer",
        "vantor",
        "tune",
        "de",
        "hand-written: a Codility test invitation in German, sent by the employer",
        f"""From: "Vantor Robotics Recruiting" <careers@vantor.ai>
To: {W}
Subject: Nächster Schritt: Codility-Test
Date: Thu, 12 Nov 2026 10:00:00 +0100

Hallo Jana,

als nächsten Schritt für die Stelle Embedded Software Engineer schicken wir dir einen
Programmiertest auf Codility. Du hast 72 Stunden Zeit, ihn zu starten; der Test selbst dauert
etwa 60 Minuten.

Viel Erfolg!
Vantor Robotics
""",
    )
    hard(
        "hard-as-02-assessment-center.eml",
        "assessment",
        "Stadtwerke Tannberg",
        "IT-Projektleiter (m/w/d)",
        "tannberg",
        "heldout",
        "de",
        "hand-written: an invitation to an assessment centre (German)",
        f"""From: "Stadtwerke Tannberg Personal" <personal@swtannberg.de>
To: {W}
Subject: Einladung zum Assessment-Center
Date: Mon, 23 Nov 2026 09:00:00 +0100

Sehr geehrte Frau Weber,

wir laden Sie herzlich zu unserem Assessment-Center am 3. Dezember 2026 ab 8:30 Uhr ein. Sie
erwarten eine Fallstudie, eine Präsentation und ein Gruppengespräch.

Mit freundlichen Grüßen
Stadtwerke Tannberg
""",
    )
