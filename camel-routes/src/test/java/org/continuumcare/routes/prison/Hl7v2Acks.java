package org.continuumcare.routes.prison;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * Parses ACKs with HAPI's generic parser, the way a sending system would, and reads their fields.
 */
final class Hl7v2Acks {

  private static final HapiContext CONTEXT = new DefaultHapiContext();

  static {
    CONTEXT.setModelClassFactory(new GenericModelClassFactory());
    CONTEXT.setValidationContext(ValidationContextFactory.noValidation());
  }

  private final Terser terser;

  private Hl7v2Acks(Message message) {
    this.terser = new Terser(message);
  }

  static Hl7v2Acks parse(String ack) {
    try {
      return new Hl7v2Acks(CONTEXT.getPipeParser().parse(ack));
    } catch (HL7Exception e) {
      throw new AssertionError("the ACK is not valid HL7 v2: " + ack.replace('\r', '\n'), e);
    }
  }

  /** A Terser path such as "/MSA-1" or "/ERR(1)-2-1". */
  String get(String path) {
    try {
      return terser.get(path);
    } catch (HL7Exception e) {
      throw new AssertionError(e);
    }
  }

  Segment segment(String path) {
    try {
      return terser.getSegment(path);
    } catch (HL7Exception e) {
      throw new AssertionError(e);
    }
  }
}
