package com.signalhub.ingest.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a JMS message that can never become a signal to the dead-letter queue ({@code
 * jms/signals-dlq}), with why: properties {@code SignalHubRejectCode} ({@code invalid_signal},
 * {@code stale_signal}) and {@code SignalHubRejectReason}. Sent in the caller's transaction, so the
 * copy and the original's acknowledgement commit together.
 */
@ApplicationScoped
public class DeadLetters {

  public static final String CODE = "SignalHubRejectCode";
  public static final String REASON = "SignalHubRejectReason";
  public static final String ORIGINAL_ID = "SignalHubOriginalMessageID";

  private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

  @Resource(lookup = "jms/signalhub")
  ConnectionFactory connections;

  @Resource(lookup = "jms/signals-dlq")
  Queue deadLetterQueue;

  public void reject(Message original, String code, String reason) throws JMSException {
    try (JMSContext jms = connections.createContext()) {
      Message copy = copyBody(jms, original);
      for (Object name : Collections.list((Enumeration<?>) original.getPropertyNames())) {
        String property = (String) name;
        if (!property.startsWith("JMS")) {
          copy.setObjectProperty(property, original.getObjectProperty(property));
        }
      }
      copy.setJMSCorrelationID(original.getJMSCorrelationID());
      copy.setJMSType(original.getJMSType());
      copy.setStringProperty(CODE, code);
      copy.setStringProperty(REASON, reason);
      copy.setStringProperty(ORIGINAL_ID, original.getJMSMessageID());
      jms.createProducer().send(deadLetterQueue, copy);
    }
    LOG.log(
        Level.WARNING,
        "JMS message {0} rejected ({1}: {2}), moved to the dead-letter queue",
        new Object[] {original.getJMSMessageID(), code, reason});
  }

  private static Message copyBody(JMSContext jms, Message original) throws JMSException {
    if (original instanceof TextMessage text) {
      return jms.createTextMessage(text.getText());
    }
    if (original instanceof BytesMessage bytes) {
      var copy = jms.createBytesMessage();
      byte[] body = bytes.getBody(byte[].class); // null when empty
      if (body != null) {
        copy.writeBytes(body);
      }
      return copy;
    }
    return jms.createMessage(); // other bodies are not read: an ObjectMessage could be hostile
  }
}
