package com.signalhub.ingest.boundary;

import com.signalhub.ingest.control.DeadLetters;
import com.signalhub.ingest.control.SignalRequestParser;
import com.signalhub.signal.control.SignalIntake;
import com.signalhub.signal.entity.InvalidSignalException;
import com.signalhub.signal.entity.StaleSignalException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signals from upstream over JMS: the same JSON as {@code POST /api/signals}, one per message, from
 * the queue the {@code jms/signals} resource names, through the resource adapter {@code
 * artemis-ra}.
 *
 * <p>The message is acknowledged when this returns, in the container's transaction: after the
 * signal is stored (the store commits on its own first), so a crash in between means a redelivery,
 * which the idempotency key (property {@code IdempotencyKey}, else the JMSMessageID) turns into a
 * no-op. A message that can never be accepted is moved to the dead-letter queue with the reason, in
 * the same transaction; any other failure rolls back, and the broker redelivers it a bounded number
 * of times before dead-lettering it. One session keeps the queue's order.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
      @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/signals"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class SignalListener implements MessageListener {

  @Inject SignalIntake intake;

  @Inject DeadLetters deadLetters;

  @Inject
  @ConfigProperty(name = "signalhub.jms.max-body-bytes", defaultValue = "4096")
  int maxBodyBytes;

  @Override
  public void onMessage(Message message) {
    try {
      accept(message);
    } catch (JMSException e) {
      throw new IllegalStateException("JMS message could not be read; rolled back", e);
    }
  }

  private void accept(Message message) throws JMSException {
    try {
      String json = JmsSignalMessage.body(message, maxBodyBytes);
      intake.accept(SignalRequestParser.parse(json), JmsSignalMessage.provenance(message));
    } catch (StaleSignalException e) {
      deadLetters.reject(message, "stale_signal", e.getMessage());
    } catch (InvalidSignalException e) {
      deadLetters.reject(message, "invalid_signal", e.field() + ": " + e.getMessage());
    }
  }
}
