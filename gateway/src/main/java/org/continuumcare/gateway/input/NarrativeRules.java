package org.continuumcare.gateway.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * FHIR's rules for narrative XHTML (R4 Narrative, invariants txt-1 and txt-2), applied to what a
 * client writes so that no active content is stored and later shown by some viewer: only the basic
 * HTML formatting elements and their attributes (the lists of the HL7 validator), no scripts,
 * forms, frames, objects or event attributes ({@code onclick}, {@code onerror}, ...), no {@code
 * javascript:}/{@code vbscript:} URLs, no {@code data:} URLs except images, no CSS that runs code
 * ({@code expression()}, {@code behavior}, {@code -moz-binding}, {@code @import}), no processing
 * instructions or DOCTYPE. Pure: takes the parsed div, returns every problem found.
 *
 * <p>Refusing rather than sanitising: HAPI has no narrative sanitiser, the rules are the standard's
 * own (a conformant client never sends such content), and a sanitised narrative would silently
 * differ from the structured data the sender attested.
 */
final class NarrativeRules {

  static final Set<String> ELEMENTS =
      Set.of(
          "p",
          "br",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "a",
          "span",
          "b",
          "em",
          "i",
          "strong",
          "small",
          "big",
          "tt",
          "dfn",
          "q",
          "var",
          "abbr",
          "acronym",
          "cite",
          "blockquote",
          "hr",
          "address",
          "bdo",
          "kbd",
          "sub",
          "sup",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "pre",
          "table",
          "caption",
          "colgroup",
          "col",
          "thead",
          "tr",
          "tfoot",
          "tbody",
          "th",
          "td",
          "code",
          "samp",
          "img",
          "map",
          "area");

  static final Set<String> ATTRIBUTES =
      Set.of(
          "title",
          "style",
          "class",
          "id",
          "lang",
          "xml:lang",
          "dir",
          "accesskey",
          "tabindex",
          "span",
          "width",
          "align",
          "valign",
          "char",
          "charoff",
          "abbr",
          "axis",
          "headers",
          "scope",
          "rowspan",
          "colspan");

  static final Set<String> ELEMENT_ATTRIBUTES =
      Set.of(
          "a.href",
          "a.name",
          "a.charset",
          "a.type",
          "a.hreflang",
          "a.rel",
          "a.rev",
          "a.shape",
          "a.coords",
          "img.src",
          "img.border",
          "img.alt",
          "img.longdesc",
          "img.height",
          "img.width",
          "img.usemap",
          "img.ismap",
          "div.xmlns",
          "blockquote.cite",
          "q.cite",
          "map.name",
          "area.shape",
          "area.coords",
          "area.href",
          "area.nohref",
          "area.alt",
          "table.summary",
          "table.width",
          "table.border",
          "table.frame",
          "table.rules",
          "table.cellspacing",
          "table.cellpadding",
          "pre.space",
          "td.nowrap");

  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "cite", "longdesc", "usemap");
  private static final List<String> ACTIVE_CSS =
      List.of("expression(", "javascript:", "vbscript:", "behavior:", "-moz-binding", "@import");

  private NarrativeRules() {}

  /** Every rule {@code div} breaks, each naming the element or attribute at fault. */
  static List<String> problems(XhtmlNode div) {
    List<String> problems = new ArrayList<>();
    check(div, problems);
    return problems;
  }

  private static void check(XhtmlNode node, List<String> problems) {
    NodeType type = node.getNodeType();
    if (type == NodeType.Document) {
      node.getChildNodes().forEach(child -> check(child, problems));
      return;
    }
    if (type == NodeType.Instruction || type == NodeType.DocType) {
      problems.add(
          "a "
              + (type == NodeType.DocType ? "DOCTYPE" : "processing instruction")
              + " is not allowed in a FHIR narrative (txt-1)");
      return;
    }
    if (type == NodeType.Comment
        && node.getContent() != null
        && node.getContent().trim().startsWith("DOCTYPE")) {
      problems.add("a DOCTYPE is not allowed in a FHIR narrative (txt-1)");
      return;
    }
    if (type != NodeType.Element) {
      return;
    }
    String element = localName(node.getName());
    if (!ELEMENTS.contains(element)) {
      problems.add(
          "<"
              + element
              + "> is not allowed: a FHIR narrative holds only basic HTML formatting,"
              + " no scripts, forms, frames, objects or style sheets (txt-1, txt-2)");
      return; // its content is not rendered as narrative either way
    }
    for (Map.Entry<String, String> attribute : node.getAttributes().entrySet()) {
      String name = attribute.getKey().toLowerCase(Locale.ROOT);
      String value = attribute.getValue() == null ? "" : attribute.getValue();
      if (name.startsWith("xmlns")) {
        continue;
      }
      if (name.startsWith("on")) {
        problems.add(
            "attribute '"
                + name
                + "' of <"
                + element
                + "> is not allowed: event attributes run"
                + " scripts, which a FHIR narrative must not hold (txt-2)");
      } else if (!ATTRIBUTES.contains(name) && !ELEMENT_ATTRIBUTES.contains(element + "." + name)) {
        problems.add(
            "attribute '"
                + name
                + "' of <"
                + element
                + "> is not allowed in a FHIR narrative (txt-1)");
      } else if (URL_ATTRIBUTES.contains(name)) {
        activeUrl(element, name, value).ifPresent(problems::add);
      } else if ("style".equals(name)) {
        String css = compact(value).replaceAll("/\\*.*?\\*/", "");
        ACTIVE_CSS.stream()
            .filter(css::contains)
            .findFirst()
            .ifPresent(
                token ->
                    problems.add(
                        "attribute 'style' of <"
                            + element
                            + "> holds active CSS ('"
                            + token
                            + "'), which a FHIR"
                            + " narrative must not hold (txt-2)"));
      }
    }
    node.getChildNodes().forEach(child -> check(child, problems));
  }

  private static Optional<String> activeUrl(String element, String attribute, String value) {
    String url = compact(value);
    for (String scheme : List.of("javascript:", "vbscript:")) {
      if (url.startsWith(scheme)) {
        return Optional.of(
            "<"
                + element
                + " "
                + attribute
                + "> with a "
                + scheme
                + " URL is not allowed: a FHIR narrative must not hold active content (txt-2)");
      }
    }
    if (url.startsWith("data:")
        && !("img".equals(element)
            && "src".equals(attribute)
            && url.matches("data:image/(png|gif|jpeg|jpg|webp|bmp)[;,].*"))) {
      return Optional.of(
          "<"
              + element
              + " "
              + attribute
              + "> with a data: URL is not allowed"
              + " (only PNG, GIF, JPEG, WebP or BMP images may be inline)");
    }
    return Optional.empty();
  }

  /** What a browser reads: no whitespace or control characters, lower case. */
  private static String compact(String value) {
    StringBuilder compact = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && c != '\\')
        .forEach(compact::appendCodePoint);
    return compact.toString().toLowerCase(Locale.ROOT);
  }

  private static String localName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    return colon < 0 ? lower : lower.substring(colon + 1);
  }
}
