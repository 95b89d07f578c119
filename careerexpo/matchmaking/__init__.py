"""Matchmaking: candidates and booths finding each other (recommendations, booked
meetings) and the organisers' funnel of how far each pair got."""
