package com.signalhub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerCredentialsTest {

  @Test
  void readsTheTokenOfABearerHeader() {
    assertEquals(
        Optional.of("abc.DEF-1_~+/=="), BearerCredentials.secretOf("Bearer abc.DEF-1_~+/=="));
    assertEquals(Optional.of("abc"), BearerCredentials.secretOf("bearer abc"));
    assertEquals(Optional.of("abc"), BearerCredentials.secretOf("BEARER   abc "));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "Bearer",
        "Bearer ",
        "Basic abc",
        "Bearerabc",
        "Bearer a b",
        "Bearer a=b",
        "abc"
      })
  void anythingElseIsNoBearerToken(String header) {
    assertTrue(BearerCredentials.secretOf(header).isEmpty());
  }
}
