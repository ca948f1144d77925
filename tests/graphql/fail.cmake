# Fails a test with the message in the MESSAGE environment variable.
message(FATAL_ERROR "$ENV{MESSAGE}")
