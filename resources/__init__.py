"""Bundled resources: icons, style sheet, translations (installed as leaddesk.resources)."""
