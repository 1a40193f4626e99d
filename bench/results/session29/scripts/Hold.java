import java.sql.*;
public class Hold {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection(a[0], "", "")) {
      c.setAutoCommit(false);
      try (ResultSet r = c.createStatement().executeQuery("SELECT last_seq FROM signal_counter WHERE id = 1 FOR UPDATE")) { r.next(); System.out.println("locked at seq " + r.getLong(1)); }
      System.out.flush();
      Thread.sleep(Long.parseLong(a[1]) * 1000);
      c.rollback();
      System.out.println("released");
    }
  }
}
