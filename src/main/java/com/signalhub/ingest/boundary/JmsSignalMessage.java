package com.signalhub.ingest.boundary;

import com.signalhub.ingest.control.IdempotencyKeys;
import com.signalhub.signal.entity.InvalidSignalException;
import com.signalhub.signal.entity.Provenance;
import com.signalhub.signal.entity.SignalSource;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** How a JMS message carries a signal: its JSON body, and who sent it under which key. */
final class JmsSignalMessage {

  /** The JMS property a producer may set; otherwise the JMSMessageID is the key. */
  static final String IDEMPOTENCY_KEY = "IdempotencyKey";

  private JmsSignalMessage() {}

  /**
   * The JSON of a TextMessage, or of a BytesMessage in UTF-8 (what STOMP and AMQP clients send).
   */
  static String body(Message message, int maxBytes) throws JMSException {
    if (message instanceof TextMessage text) {
      String json = text.getText();
      if (json == null || json.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
        throw tooLargeOrEmpty(json == null, maxBytes);
      }
      return json;
    }
    if (message instanceof BytesMessage bytes) {
      long length = bytes.getBodyLength();
      if (length == 0 || length > maxBytes) {
        throw tooLargeOrEmpty(length == 0, maxBytes);
      }
      return utf8(bytes.getBody(byte[].class));
    }
    throw new InvalidSignalException(
        "body",
        "expected a TextMessage with the signal's JSON, got " + kind(message) + " (not read)");
  }

  static Provenance provenance(Message message) throws JMSException {
    String key = IdempotencyKeys.check(IDEMPOTENCY_KEY, keyProperty(message));
    return new Provenance(
        SignalSource.JMS,
        "jms:" + queueName(message.getJMSDestination()),
        key != null ? key : message.getJMSMessageID());
  }

  private static String keyProperty(Message message) throws JMSException {
    try {
      return message.getStringProperty(IDEMPOTENCY_KEY);
    } catch (MessageFormatException e) {
      throw new InvalidSignalException(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " must be a string");
    }
  }

  private static String queueName(Destination destination) throws JMSException {
    return destination instanceof Queue queue ? queue.getQueueName() : "unknown";
  }

  private static InvalidSignalException tooLargeOrEmpty(boolean empty, int maxBytes) {
    return new InvalidSignalException(
        "body", empty ? "body is empty" : "body exceeds " + maxBytes + " bytes");
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidSignalException("body", "body is not UTF-8");
    }
  }

  private static String kind(Message message) {
    if (message instanceof MapMessage) {
      return "a MapMessage";
    }
    if (message instanceof ObjectMessage) {
      return "an ObjectMessage";
    }
    if (message instanceof StreamMessage) {
      return "a StreamMessage";
    }
    return "a Message without a body";
  }
}
