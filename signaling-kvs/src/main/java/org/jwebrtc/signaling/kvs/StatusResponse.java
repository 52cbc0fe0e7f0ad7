package org.jwebrtc.signaling.kvs;

import java.util.Optional;

/** The report of a failed send that carried a correlationId (PROTOCOL.md §5); statusCode is an HTTP status. */
public record StatusResponse(Optional<String> correlationId, Optional<String> errorType, int statusCode,
                             Optional<String> description) {}
