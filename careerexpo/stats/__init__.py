"""An expo's key figures: the headline block, charts, the CSV and the print summary."""
