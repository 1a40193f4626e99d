package com.signalhub.it;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import java.util.Map;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.utils.UUIDGenerator;

/** An upstream JMS producer (and an operator reading the dead-letter queue), over a real socket. */
final class Jms implements AutoCloseable {

  private final String url;
  private final String queue;
  private final String deadLetters;
  private final ActiveMQConnectionFactory factory;
  private final JMSContext context;

  /** To the broker a server embeds (no credentials, queues signals and signals.dlq). */
  Jms(int port) {
    this(port, null, null, "signals", "signals.dlq");
  }

  Jms(int port, String user, String password, String queue, String deadLetters) {
    this.url = "tcp://127.0.0.1:" + port;
    this.queue = queue;
    this.deadLetters = deadLetters;
    factory = new ActiveMQConnectionFactory(url, user, password);
    context = factory.createContext();
  }

  /** The broker the ITs' Payara Micro embeds, on the port the build reserved. */
  static Jms embedded() {
    return new Jms(Integer.getInteger("it.artemis.port"));
  }

  /** Sends a TextMessage tagged with {@code correlationId}, with these properties. */
  void send(String body, String correlationId, Map<String, Object> properties) throws Exception {
    Message message = context.createTextMessage(body);
    send(message, correlationId, properties);
  }

  void send(Message message, String correlationId, Map<String, Object> properties)
      throws Exception {
    message.setJMSCorrelationID(correlationId);
    JMSProducer producer = context.createProducer();
    properties.forEach(producer::setProperty);
    producer.send(context.createQueue(queue), message);
  }

  JMSContext context() {
    return context;
  }

  /**
   * Sends the same TextMessage twice under one message id, as the broker redelivers a message whose
   * acknowledgement was lost: Artemis's JMSMessageID is the core message's user id.
   */
  void sendTwiceWithOneMessageId(String body) throws Exception {
    var id = UUIDGenerator.getInstance().generateUUID();
    try (ServerLocator locator = ActiveMQClient.createServerLocator(url);
        ClientSessionFactory sessions = locator.createSessionFactory();
        ClientSession session = sessions.createSession();
        ClientProducer producer = session.createProducer(queue)) {
      for (int i = 0; i < 2; i++) {
        ClientMessage message = session.createMessage(true);
        message.setType(org.apache.activemq.artemis.api.core.Message.TEXT_TYPE);
        message.getBodyBuffer().writeNullableSimpleString(SimpleString.of(body));
        message.setRoutingType(RoutingType.ANYCAST);
        message.setUserID(id);
        producer.send(message);
      }
    }
  }

  /** The dead letter tagged with {@code correlationId}, waiting up to {@link WsClient#WAIT}. */
  Message deadLetter(String correlationId) {
    try (JMSConsumer consumer =
        context.createConsumer(
            context.createQueue(deadLetters), "JMSCorrelationID = '" + correlationId + "'")) {
      return consumer.receive(WsClient.WAIT.toMillis());
    }
  }

  @Override
  public void close() {
    context.close();
    factory.close();
  }
}
