package com.signalhub.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API lives under {@code /api}; the WebSocket stream has the root. */
@ApplicationPath("api")
public class RestApplication extends Application {}
