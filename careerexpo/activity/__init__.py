"""Live activity of an expo for organisers: people online, booth visits, chats and
applications, and each booth's funnel."""
