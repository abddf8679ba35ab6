"""`python -m data_cards` runs the data-cards command."""

from data_cards.cli import main

raise SystemExit(main())
