"""The core's accounts: the verbs on a user (services), where django-allauth meets them
(allauth), and the pages allauth doesn't own (views, forms)."""
