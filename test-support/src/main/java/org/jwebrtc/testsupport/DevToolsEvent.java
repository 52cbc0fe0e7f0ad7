package org.jwebrtc.testsupport;

import java.util.Map;

/** A DevTools protocol event, e.g. {@code Runtime.consoleAPICalled}, with its parameters. */
record DevToolsEvent(String method, Map<String, Object> params) {}
