package org.continuumcare.routes.prison;

/**
 * What an ACK needs from the inbound MSH, read before (and even without) a full parse.
 *
 * @param fieldSeparator      MSH-1
 * @param encodingCharacters  MSH-2 (component, repetition, escape, subcomponent)
 * @param sendingApplication  MSH-3 as written
 * @param sendingFacility     MSH-4 as written
 * @param receivingApplication MSH-5 as written
 * @param receivingFacility   MSH-6 as written
 * @param messageCode         MSH-9.1 (ADT)
 * @param triggerEvent        MSH-9.2 (A03)
 * @param controlId           MSH-10, echoed in MSA-2
 * @param processingId        MSH-11
 * @param version             MSH-12.1
 */
public record Hl7v2Header(char fieldSeparator, String encodingCharacters, String sendingApplication,
        String sendingFacility, String receivingApplication, String receivingFacility, String messageCode,
        String triggerEvent, String controlId, String processingId, String version) {

    /** The header we answer with when the inbound MSH cannot be read at all. */
    public static Hl7v2Header unreadable() {
        return new Hl7v2Header('|', "^~\\&", "", "", "", "", "", "", "", "P", "2.5");
    }

    /** True for versions whose ERR segment has ERR-2..ERR-8 (2.5 and later); older ones carry ERR-1 only. */
    public boolean structuredErr() {
        return !(version.startsWith("2.3") || version.startsWith("2.4") || version.startsWith("2.2")
                || version.startsWith("2.1"));
    }
}
