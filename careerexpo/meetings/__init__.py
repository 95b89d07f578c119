"""Booked one-to-one meetings between candidates and booth staff: slots, requests,
answers, calendar files, reminders, and the private chat a meeting is held in."""
