package com.signalhub.auth.control;

import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One token from the {@code signalhub.tokens} setting ({@code name:role:secret,...}), which seeds
 * the token store at start. Only the SHA-256 of the secret is kept.
 */
record ConfiguredToken(TokenPrincipal principal, String secretHash) {

  static final int MIN_SECRET_LENGTH = 16;

  /** The entries that can be seeded, and one line for each that cannot (names only). */
  record Parsed(List<ConfiguredToken> tokens, List<String> problems) {}

  /**
   * Every well-formed entry; a bad one, a second entry with a name or a secret already taken, is
   * left out, with a problem naming it by position and name, never by secret.
   */
  static Parsed parseAll(String setting) {
    List<ConfiguredToken> tokens = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<String, String> secrets = new HashMap<>();
    String[] entries = setting.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (entry.isEmpty()) {
        continue;
      }
      ConfiguredToken token;
      try {
        token = parse(entry, i + 1);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        continue;
      }
      String name = token.principal().name();
      String where = "signalhub.tokens entry " + (i + 1) + ": ";
      if (!names.add(name)) {
        problems.add(where + "duplicate name " + name + " (the first entry of that name is kept)");
      } else if (secrets.putIfAbsent(token.secretHash(), name) != null) {
        names.remove(name);
        problems.add(where + name + " has the same secret as " + secrets.get(token.secretHash()));
      } else {
        tokens.add(token);
      }
    }
    return new Parsed(tokens, problems);
  }

  private static ConfiguredToken parse(String entry, int position) {
    String[] parts = entry.split(":", 3);
    String where = "signalhub.tokens entry " + position + ": ";
    if (parts.length != 3 || parts[0].isBlank()) {
      throw new IllegalArgumentException(where + "expected name:role:secret");
    }
    String name = parts[0].strip();
    Role role =
        Role.fromConfigName(parts[1].strip())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        where + "role of " + name + " must be subscriber, publisher or admin"));
    String secret = parts[2].strip();
    if (BearerCredentials.secretOf("Bearer " + secret).isEmpty()) {
      throw new IllegalArgumentException(
          where + "secret of " + name + " must be a bearer token (letters, digits, -._~+/)");
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          where + "secret of " + name + " is shorter than " + MIN_SECRET_LENGTH + " characters");
    }
    return new ConfiguredToken(new TokenPrincipal(name, role), Secrets.hash(secret));
  }
}
