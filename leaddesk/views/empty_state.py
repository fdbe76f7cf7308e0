"""What the list shows instead of a table: no clients at all, or none that match the filters."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from leaddesk.models.icons import icon
from leaddesk.views.theme import colors


def page_label(text: str, object_name: str, alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter) -> QLabel:
    """A word-wrapped plain-text label the style sheet finds by ``object_name`` (emptyTitle, emptyBody…)."""
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(alignment)
    return label


def empty_list_picture() -> QLabel:
    """The empty list's picture, centred, in the theme's variant."""
    picture = QLabel()
    picture.setPixmap(icon("empty-clients-dark" if colors().dark else "empty-clients").pixmap(96, 96))
    picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return picture


def fit_wrapped(label: QLabel, width: int) -> None:
    """A word-wrapped label in a box layout is laid out one line short: fix its width, give it its height."""
    label.setFixedWidth(width)
    label.setMinimumHeight(label.heightForWidth(width) + 24)  # the style sheet enlarges the font later


class EmptyState(QWidget):
    """A centred picture, a title, an explanation and up to two buttons."""

    primary_clicked = Signal()
    secondary_clicked = Signal()

    def __init__(
        self,
        title: str,
        body: str,
        primary: str | None = None,
        secondary: str | None = None,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        picture = empty_list_picture()
        self.title = page_label(title, "emptyTitle")
        self.body = page_label(body, "emptyBody")
        self.hint = page_label(hint, "emptyHint")
        for label in (self.body, self.hint):
            fit_wrapped(label, 480)
        self.hint.setVisible(bool(hint))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.primary_button: QPushButton | None = None
        self.secondary_button: QPushButton | None = None
        if primary:
            self.primary_button = QPushButton(primary)
            self.primary_button.setObjectName("primaryButton")
            self.primary_button.setDefault(True)
            self.primary_button.clicked.connect(self.primary_clicked)
            buttons.addWidget(self.primary_button)
        if secondary:
            self.secondary_button = QPushButton(secondary)
            self.secondary_button.clicked.connect(self.secondary_clicked)
            buttons.addWidget(self.secondary_button)
        buttons.addStretch(1)

        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(picture)
        column.addSpacing(12)
        column.addWidget(self.title)
        column.addSpacing(4)
        column.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(20)
        column.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)


def no_clients_state(parent: QWidget | None = None) -> EmptyState:
    return EmptyState(
        QCoreApplication.translate("EmptyState", "No clients here yet"),
        QCoreApplication.translate(
            "EmptyState",
            "Every person who writes to your WhatsApp number appears here. To bring them in, connect to your "
            "company's server: open Settings… and enter the server address and access key, then choose Sync now.",
        ),
        primary=QCoreApplication.translate("EmptyState", "Settings…"),
        secondary=QCoreApplication.translate("EmptyState", "Sync now"),
        hint=QCoreApplication.translate(
            "EmptyState", "Just looking around? Run  leaddesk --demo  to try LeadDesk on a few hundred sample clients."
        ),
        parent=parent,
    )


def no_matches_state(parent: QWidget | None = None) -> EmptyState:
    return EmptyState(
        QCoreApplication.translate("EmptyState", "No clients match"),
        QCoreApplication.translate("EmptyState", "No client matches the search and filters you chose."),
        primary=QCoreApplication.translate("EmptyState", "Clear filters"),
        parent=parent,
    )


def getting_clients_state(parent: QWidget | None = None) -> EmptyState:
    """The empty list while a first sync runs: its clients are on their way, nothing to set."""
    return EmptyState(
        QCoreApplication.translate("EmptyState", "Getting your clients…"),
        QCoreApplication.translate(
            "EmptyState",
            "They appear here as they arrive from your server. The first sync of a large account can take "
            "a few minutes; each client can be opened as soon as it is in the list.",
        ),
        parent=parent,
    )
