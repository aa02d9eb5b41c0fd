"""Every write transaction: status, measurements, new files; file writes through savefile."""
