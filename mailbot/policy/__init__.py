"""Pure policy layer: business calendars, SLA timers and what is due when.

Nothing here does I/O or reads the clock; every function that needs the
current time takes ``now``.
"""

from mailbot.policy.calendar import BusinessCalendar, Clock, Timeframe

__all__ = ["BusinessCalendar", "Clock", "Timeframe"]
