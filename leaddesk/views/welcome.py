"""The first run: with no server set and no clients yet, the list's place offers two ways in.

"Connect to your server" asks for the server's address and access key (the Settings dialog: the
window's ``settings_requested``), and the first sync starts once they are saved; "Look around with demo
data" reopens the window on the demo database. Both are big buttons, reachable with Tab and Enter,
the first one focused.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from leaddesk.views.empty_state import empty_list_picture, fit_wrapped, page_label

#: The width of the text and of the two choices.
COLUMN_WIDTH = 520


class ChoiceButton(QPushButton):
    """A big button with a bold title and a line or two saying what happens (a card to click)."""

    def __init__(self, object_name: str, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("welcomeChoice", True)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setAutoDefault(True)  # Enter chooses the focused one (not only Space), outside a dialog too
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = page_label(title, "choiceTitle", Qt.AlignmentFlag.AlignLeft)
        self.description = page_label(description, "choiceDescription", Qt.AlignmentFlag.AlignLeft)
        inner = QVBoxLayout(self)
        inner.setContentsMargins(20, 14, 20, 14)
        inner.setSpacing(4)
        for label in (self.title, self.description):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            inner.addWidget(label)
        self.setFixedWidth(COLUMN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

    # A button does not ask its layout for its size: the labels' wrapped height is the button's.
    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        inner = self.layout()
        return max(inner.totalHeightForWidth(width) if inner is not None else 0, 64)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(COLUMN_WIDTH, self.heightForWidth(COLUMN_WIDTH))

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Polish:
            # Now in the page, the labels take the style sheet's fonts: the button's height follows them.
            for label in (self.title, self.description):
                label.ensurePolished()
            self.setMinimumHeight(self.heightForWidth(COLUMN_WIDTH))
        return result

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()


class WelcomePage(QWidget):
    """A greeting and two choices: connect to the company's server, or try the demo data."""

    connect_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")  # the empty list's look (background, title, body)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        picture = empty_list_picture()
        self.title = page_label(self.tr("Welcome to LeadDesk"), "emptyTitle")
        self.body = page_label(
            self.tr(
                "Every person who writes to your company's WhatsApp number will appear here, with their "
                "conversation, meetings and where they are in the sale. How would you like to start?"
            ),
            "emptyBody",
        )
        fit_wrapped(self.body, COLUMN_WIDTH)

        self.connect_button = ChoiceButton(
            "connectChoice",
            self.tr("Connect to your server"),
            self.tr(
                "Enter the server address and access key your administrator gave you. "
                "Your clients then appear here as they arrive."
            ),
        )
        self.connect_button.clicked.connect(self.connect_requested)
        self.demo_button = ChoiceButton(
            "demoChoice",
            self.tr("Look around with demo data"),
            self.tr(
                "Try LeadDesk on a few hundred made-up clients. Nothing is sent anywhere; "
                "you can leave the demo in Settings."
            ),
        )
        self.demo_button.clicked.connect(self.demo_requested)

        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(picture)
        column.addSpacing(12)
        column.addWidget(self.title)
        column.addSpacing(4)
        column.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(20)
        column.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(8)
        column.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        self.setTabOrder(self.connect_button, self.demo_button)

    def focus_first(self) -> None:
        """Put the keyboard on "Connect to your server" (Enter chooses it, Tab goes to the demo)."""
        self.connect_button.setFocus(Qt.FocusReason.OtherFocusReason)
