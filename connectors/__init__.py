"""Chat platforms the assistant talks through. Only this package knows any platform's wire format."""
