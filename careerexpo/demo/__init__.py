"""The demo expo (``flask seed-demo``): an expo the size of the 2022 I&T Career Expo,
with its people and its first days of traffic."""
