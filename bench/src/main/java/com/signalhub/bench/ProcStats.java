package com.signalhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's CPU time and memory from /proc (Linux). */
public final class ProcStats {
  private ProcStats() {}

  /** utime + stime in clock ticks from a /proc/PID/stat line (fields 14 and 15). */
  public static long cpuTicks(String statLine) {
    return field(statLine, 14) + field(statLine, 15);
  }

  /** stime alone: the CPU time spent in the kernel on the process's behalf (socket writes). */
  public static long systemTicks(String statLine) {
    return field(statLine, 15);
  }

  private static long field(String statLine, int n) {
    // The name (field 2) is in parentheses and may itself hold spaces and ')': split after the last.
    int close = statLine.lastIndexOf(')');
    if (close < 0) throw new IllegalArgumentException("not a /proc/PID/stat line: " + statLine);
    String[] f = statLine.substring(close + 1).trim().split("\\s+");
    return Long.parseLong(f[n - 3]); // f[0] is field 3 (state)
  }

  /** A "Key:   123 kB" value from /proc/PID/status, in kB; -1 when absent. */
  public static long statusKb(String status, String key) {
    for (String line : status.split("\n")) {
      if (line.startsWith(key + ":")) {
        String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]);
      }
    }
    return -1;
  }

  public static long cpuTicks(long pid) {
    return cpuTicks(read(pid, "stat"));
  }

  public static long systemTicks(long pid) {
    return systemTicks(read(pid, "stat"));
  }

  public static long statusKb(long pid, String key) {
    return statusKb(read(pid, "status"), key);
  }

  /** Clock ticks per second (getconf CLK_TCK), 100 when it cannot be asked. */
  public static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  private static String read(long pid, String file) {
    try {
      return Files.readString(Path.of("/proc", pid < 0 ? "self" : Long.toString(pid), file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/" + file + ": " + e, e);
    }
  }
}
