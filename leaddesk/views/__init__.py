"""Widgets, dialogs and delegates: no SQL, no HTTP."""
