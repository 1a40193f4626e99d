package com.signalhub.stream.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.container.ReadBacklog;
import com.signalhub.stream.control.StreamMetrics;
import com.signalhub.stream.entity.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The connect-storm bound: past it an upgrade is answered 503 before any upgrade work. */
class FrameGuardFilterTest {

  private long backlogNanos;
  private final List<Refusal> refused = new ArrayList<>();
  private final Map<String, String> headers = new HashMap<>();
  private final StringWriter body = new StringWriter();
  private int status = 200;
  private boolean passedOn;

  private FrameGuardFilter filter(long maxWaitMs) {
    FrameGuardFilter filter = new FrameGuardFilter();
    filter.maxUpgradeWaitMs = maxWaitMs;
    filter.maxBusyRetrySeconds = 30;
    filter.backlog =
        new ReadBacklog() {
          @Override
          public long nanos() {
            return backlogNanos;
          }
        };
    filter.metrics =
        new StreamMetrics() {
          @Override
          public void refused(Refusal refusal) {
            refused.add(refusal);
          }
        };
    return filter;
  }

  private void upgrade(FrameGuardFilter filter, String upgradeHeader) throws Exception {
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    method.getName().equals("getHeader") && "Upgrade".equals(args[0])
                        ? upgradeHeader
                        : null);
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "setStatus" -> status = (Integer) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getWriter" -> {
                      return new PrintWriter(body, true);
                    }
                    default -> {}
                  }
                  return null;
                });
    filter.doFilter(request, response, (req, res) -> passedOn = true);
  }

  @Test
  void pastTheBoundAnUpgradeIsAnswered503WithRetryAfterAndGoesNoFurther() throws Exception {
    backlogNanos = TimeUnit.MILLISECONDS.toNanos(1500);
    upgrade(filter(1000), "websocket");
    assertFalse(passedOn, "no upgrade work for a refused client");
    assertEquals(503, status);
    assertEquals("1", headers.get("Retry-After"));
    assertEquals("close", headers.get("Connection"));
    assertTrue(body.toString().contains("retry later"), body.toString());
    assertEquals(List.of(Refusal.BUSY), refused);
  }

  @Test
  void withinTheBoundTheUpgradeGoesOn() throws Exception {
    backlogNanos = TimeUnit.MILLISECONDS.toNanos(900);
    upgrade(filter(1000), "websocket");
    assertTrue(passedOn);
    assertEquals(200, status);
    assertTrue(refused.isEmpty());
  }

  @Test
  void zeroSwitchesTheBoundOffAndPlainRequestsAreNeverRefused() throws Exception {
    backlogNanos = TimeUnit.SECONDS.toNanos(30);
    upgrade(filter(0), "websocket");
    assertTrue(passedOn, "bound off");
    passedOn = false;
    upgrade(filter(1000), null);
    assertTrue(passedOn, "a publish or a page is not an upgrade");
    assertTrue(refused.isEmpty());
  }
}
