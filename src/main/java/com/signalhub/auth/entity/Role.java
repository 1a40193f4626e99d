package com.signalhub.auth.entity;

import java.util.Optional;

/** What a token may do. Any valid token may subscribe to the stream. */
public enum Role {
  SUBSCRIBER("subscriber"),
  PUBLISHER("publisher"),
  ADMIN("admin");

  private final String configName;

  Role(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** Each role may do what the ones before it may: admin ⊃ publisher ⊃ subscriber. */
  public boolean permits(Role required) {
    return ordinal() >= required.ordinal();
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
