"""Safety rules: pure functions returning a Decision; run on the device and on the server."""
