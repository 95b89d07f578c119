"""Companies: what they are, their offices, and their public page."""
