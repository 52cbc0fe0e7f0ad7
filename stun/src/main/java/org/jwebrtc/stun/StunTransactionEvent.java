package org.jwebrtc.stun;

/** What a {@link StunClientTransaction} reports; consume with {@code instanceof}. */
public sealed interface StunTransactionEvent permits StunTransactionEvent.Response, StunTransactionEvent.Timeout {

    TransactionId transactionId();

    /** A success or error response that matched and (when a key was given) authenticated. */
    record Response(TransactionId transactionId, StunMessage message) implements StunTransactionEvent {
        public boolean isSuccess() {
            return message.messageClass() == StunClass.SUCCESS_RESPONSE;
        }
    }

    /** No response after Rc sends and Rm·RTO (or Ti on a reliable transport). */
    record Timeout(TransactionId transactionId) implements StunTransactionEvent {}
}
