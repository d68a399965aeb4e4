"""What a message means for the job search: one label and a confidence, by rules in the open.

Each rule is a phrase pattern with a weight towards one label (a negative weight is a guard:
"unable to offer" takes weight away from "offer" and gives it to "rejection"). A message's
score per label is the sum of the weights of the rules it matches, each rule counted once; the
label with the highest score wins, ties going to the earlier label in LABELS. Below
MIN_SCORE nothing job-related was said, and the message is `not_job`.

Two checks run beside the phrases, because they are about a message's shape, not its words:
- a digest (a job alert or "jobs you may like") lists several postings, one a line, and is
  sent to a list; its postings are full of "interview" and "offer", so its shape outweighs them;
- an interview that moves gets `interview_invite` when the message names the new time and
  `status_update_other` when it does not.

The rules read the message's own words (a reply's quoted history is set aside by the parser)
and its subject. The corpus in tests/mailin measures them; docs/mail-in.md tells what the
held-out sets say: precise on what they recognise, but about half of unseen phrasings are
not recognised (and then fall back to not_job, which suggest.py turns into a question when the
message names one of the user's applications).
"""
