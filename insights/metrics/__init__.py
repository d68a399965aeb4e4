"""Every number the Insights page shows, and home's summary of it, each defined once in one of
these modules, each in a constant number of queries whatever the data size. Read-only: nothing
here writes.

- `period`: the period asked for, and its cohort;
- `funnel`: how far the cohort got, and where it left;
- `responses`: who heard back, who was ghosted, how long answers took (home's summary too);
- `activity`: applications and interviews per week, against the goals (home's weekly chart too);
- `assessments`: self-assessments over time, and what tripped the user;
- `wellbeing`: mood over time, beside the rejections, offers and completed plans.

Conventions:
- A *period* is a range of the user's local dates, both ends included (`period.Period`).
- The *cohort* of a period is the user's applications whose date applied is in it, archived
  ones included: funnel and responsiveness follow what was sent in the period, wherever it
  went afterwards.
- Stages follow the pipeline (`applications.pipeline.STAGES`): applied < screening <
  interviewing < offer < accepted; exits are `applications.pipeline.EXITS`.
"""
