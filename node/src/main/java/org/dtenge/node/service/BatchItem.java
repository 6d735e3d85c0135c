package org.dtenge.node.service;

import java.util.Optional;
import org.dtenge.node.payment.PaymentOrder;

/**
 * One transfer of a batch. A transfer from an account the submitting intermediary holds itself (its
 * reserve or settlement account) is authorized by the request's signature; one from a customer's
 * wallet needs the wallet's own signature of the order.
 */
public record BatchItem(PaymentOrder order, Optional<byte[]> signature) {}
