"""Everything mailbot sends: templates (jinja2), composition, SMTP."""
