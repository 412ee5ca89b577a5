package org.continuumcare.gateway.input;

import ca.uhn.fhir.util.XmlUtil;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * FHIR XML puts every element in the FHIR namespace and a narrative's {@code div} in XHTML's.
 * HAPI's parser reads elements by local name only, so a resource in any other namespace was stored
 * as if it were FHIR. This finds the first element outside its namespace. Read with HAPI's hardened
 * StAX reader (no DTDs, no external entities); XML that is not well-formed is left to HAPI's
 * parser, which reports where it fails.
 */
final class FhirXmlNamespaces {

  static final String FHIR = "http://hl7.org/fhir";
  static final String XHTML = "http://www.w3.org/1999/xhtml";

  private FhirXmlNamespaces() {}

  /** What is wrong with the namespaces of {@code xml}, if anything. */
  static Optional<String> problem(String xml) {
    Deque<String> path = new ArrayDeque<>();
    int insideNarrative = 0;
    try {
      XMLEventReader reader = XmlUtil.createXmlReader(new StringReader(xml));
      while (reader.hasNext()) {
        XMLEvent event = reader.nextEvent();
        if (event.isStartElement()) {
          if (insideNarrative > 0) {
            insideNarrative++; // the narrative's own rules apply inside it
            continue;
          }
          StartElement element = event.asStartElement();
          String namespace = element.getName().getNamespaceURI();
          String name = element.getName().getLocalPart();
          if ("div".equals(name) && XHTML.equals(namespace)) {
            insideNarrative = 1;
            continue;
          }
          path.addLast(name);
          if (!FHIR.equals(namespace) || "div".equals(name)) {
            return Optional.of(
                "Element '"
                    + String.join(".", path)
                    + "' is in "
                    + (namespace == null || namespace.isEmpty()
                        ? "no namespace"
                        : "the namespace '" + namespace + "'")
                    + ": FHIR XML elements belong to "
                    + FHIR
                    + ("div".equals(name) ? " and a narrative div to " + XHTML : ""));
          }
        } else if (event.isEndElement()) {
          if (insideNarrative > 0) {
            insideNarrative--;
          } else {
            path.pollLast();
          }
        }
      }
    } catch (XMLStreamException notWellFormed) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
