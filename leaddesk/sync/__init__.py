"""Sync with the relay: event application, the relay client, the outbox, media, one cycle (no Qt)."""
