"""Qt item models over the cache (QAbstractTableModel and friends)."""
