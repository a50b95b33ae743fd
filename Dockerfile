# mailbot as a service: `mailbot run` as a non-root user.
# Mount the configuration at /opt/mailbot/config (stores.yaml; secrets come
# from the environment as ${VAR}) and keep /opt/mailbot/state on a volume: it
# is the source of truth for every case and timer.
# The steps are those of scripts/setup: Debian packages, a venv, the pinned
# dependencies from pyproject.toml. (The mail stack packages are only needed
# for the demo and the tests, so they are not installed here.)
FROM debian:bookworm-slim

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv python3-pip ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/mailbot
COPY pyproject.toml README.md ./
COPY mailbot ./mailbot
RUN python3 -m venv /opt/mailbot/.venv \
 && /opt/mailbot/.venv/bin/python -m pip install --no-cache-dir --upgrade pip \
 && /opt/mailbot/.venv/bin/python -m pip install --no-cache-dir .
COPY templates ./templates
COPY config ./config

RUN useradd --system --uid 10001 --home-dir /opt/mailbot --shell /usr/sbin/nologin mailbot \
 && mkdir -p /opt/mailbot/state \
 && chown mailbot:mailbot /opt/mailbot/state

USER mailbot
VOLUME ["/opt/mailbot/state"]
ENTRYPOINT ["/opt/mailbot/.venv/bin/mailbot"]
CMD ["run", "--config", "/opt/mailbot/config/stores.yaml", "--state-dir", "/opt/mailbot/state"]
