"""Local SQLite store: engine, migrations, outbox, blob files."""
