"""LeadDesk: every WhatsApp lead at a glance."""

__version__ = "0.1.0"
