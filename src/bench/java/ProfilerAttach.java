import com.sun.tools.attach.VirtualMachine;

/**
 * Loads async-profiler into a running JVM with the JDK's attach API and gives it one command.
 *
 * <pre>
 * java src/bench/java/ProfilerAttach.java PID /path/libasyncProfiler.so start,event=cpu,interval=1ms
 * java src/bench/java/ProfilerAttach.java PID /path/libasyncProfiler.so stop,file=out.collapsed,collapsed
 * </pre>
 *
 * {@code jcmd PID JVMTI.agent_load} does not hand async-profiler 3.0 its options on JDK 17 ("event
 * must not be empty"); the attach API does.
 */
public final class ProfilerAttach {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ProfilerAttach PID LIBRARY COMMAND");
      System.exit(2);
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
