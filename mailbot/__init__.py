"""mailbot: the email side of customer service for online stores."""

__version__ = "0.1.0"
