# One image for web (gunicorn), Celery worker and Celery beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    REBOUND_VAR_DIR=/app/var STATIC_ROOT=/app/staticfiles

RUN apt-get update && apt-get install -y --no-install-recommends curl gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 rebound

WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && SECRET_KEY=build-only python manage.py compilemessages -v 0 \
    && mkdir -p /app/var && chown -R rebound:rebound /app/var

USER rebound
EXPOSE 8000
CMD ["gunicorn", "rebound.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--logger-class", "rebound.gunicorn_logging.Logger"]
