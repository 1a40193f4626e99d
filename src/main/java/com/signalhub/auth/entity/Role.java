package com.signalhub.auth.entity;

import java.util.Optional;

/** What a token may do. Any valid token may subscribe to the stream. */
public enum Role {
  SUBSCRIBER("subscriber"),
  PUBLISHER("publisher");

  private final String configName;

  Role(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** A publisher may do what a subscriber may; a subscriber may not publish. */
  public boolean permits(Role required) {
    return this == required || this == PUBLISHER;
  }

  public static Optional<Role> fromConfigName(String name) {
    for (Role role : values()) {
      if (role.configName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
