"""``python -m leaddesk``: the same as the ``leaddesk`` command."""

from leaddesk.cli import main

if __name__ == "__main__":
    main()
