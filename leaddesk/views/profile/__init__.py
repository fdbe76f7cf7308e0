"""The client profile dialog and its tabs."""

from leaddesk.views.profile.dialog import ProfileDialog

__all__ = ["ProfileDialog"]
