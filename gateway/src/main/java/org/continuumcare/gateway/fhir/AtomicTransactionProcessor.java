package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.jpa.dao.TransactionProcessor;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;

/**
 * HAPI's transaction processing, made all or nothing for transactions that read as well as write.
 *
 * <p>HAPI commits a transaction's writes in one database transaction and only then runs its GET
 * entries, so a GET that fails (an unknown type, a malformed search, a missing or hidden record, a
 * refused read) leaves the writes stored while the caller is told the transaction failed, or gets a
 * 200 holding an error entry. Here a transaction with GET entries runs in one database transaction
 * from its first write to its last read: its GET entries are checked before anything is written,
 * HAPI processes the writes within that transaction (its "nested" mode, which only excludes reads),
 * then {@link TransactionReads} answers the GETs in order on the final state, and the first GET
 * that fails rolls everything back and names its entry. Transactions without GET entries, batches
 * and the gateway's own transactions go to HAPI unchanged.
 */
final class AtomicTransactionProcessor extends TransactionProcessor {

  private final TransactionReads reads;

  AtomicTransactionProcessor(TransactionReads reads) {
    this.reads = reads;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <BUNDLE extends IBaseBundle> BUNDLE transaction(
      RequestDetails request, BUNDLE bundle, boolean nested) {
    if (nested
        || !(request instanceof ServletRequestDetails servletRequest)
        || !(bundle instanceof Bundle transaction)
        || (transaction.hasType() && transaction.getType() != BundleType.TRANSACTION)) {
      return super.transaction(request, bundle, nested);
    }
    BitSet gets = getEntries(transaction);
    if (gets.isEmpty()) {
      return super.transaction(request, bundle, false);
    }
    gets.stream().forEach(index -> reads.checkAnswerable(servletRequest, transaction, index));
    return (BUNDLE)
        myHapiTransactionService
            .withRequest(request)
            .execute(() -> writeThenRead(servletRequest, transaction, gets));
  }

  private Bundle writeThenRead(ServletRequestDetails request, Bundle transaction, BitSet gets) {
    // A fresh copy per attempt: HAPI assigns ids to the resources it stores, and may retry.
    Bundle writes = new Bundle().setType(BundleType.TRANSACTION);
    for (int index = 0; index < transaction.getEntry().size(); index++) {
      if (!gets.get(index)) {
        writes.addEntry(transaction.getEntry().get(index).copy());
      }
    }
    Bundle written = super.transaction(request, writes, true);
    if (written.getEntry().size() != writes.getEntry().size()) {
      throw new IllegalStateException(
          "HAPI answered "
              + written.getEntry().size()
              + " of "
              + writes.getEntry().size()
              + " write entries of a transaction");
    }

    Bundle response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
    response.setId(written.getIdElement());
    response.setMeta(written.getMeta());
    Iterator<BundleEntryComponent> writeAnswers = new ArrayList<>(written.getEntry()).iterator();
    request.getUserData().put(TransactionReads.READING, Boolean.TRUE);
    try {
      for (int index = 0; index < transaction.getEntry().size(); index++) {
        response.addEntry(
            gets.get(index) ? reads.read(request, transaction, index) : writeAnswers.next());
      }
    } finally {
      request.getUserData().remove(TransactionReads.READING);
    }
    return response;
  }

  private static BitSet getEntries(Bundle transaction) {
    BitSet gets = new BitSet();
    for (int index = 0; index < transaction.getEntry().size(); index++) {
      if (transaction.getEntry().get(index).getRequest().getMethod() == HTTPVerb.GET) {
        gets.set(index);
      }
    }
    return gets;
  }
}
