package org.continuumcare.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Narrative;
import org.junit.jupiter.api.Test;

class NarrativeRulesTest {

  private static List<String> problems(String xhtml) {
    Narrative narrative = new Narrative();
    narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>");
    return NarrativeRules.problems(narrative.getDiv());
  }

  @Test
  void basicFormattingLinksImagesTablesAndStylesAreAllowed() {
    assertThat(
            problems(
                "<h2 class=\"title\">Jordan</h2><p style=\"color: red\">Born <b>1991</b>,"
                    + " <a href=\"https://example.org/x\" title=\"x\">record</a><br/></p><ul><li>one</li></ul>"
                    + "<table border=\"1\"><tbody><tr><td colspan=\"2\">1</td></tr></tbody></table>"
                    + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"logo\"/>"))
        .isEmpty();
  }

  @Test
  void aScriptIsRefusedByName() {
    assertThat(problems("<p>hi</p><script>alert(1)</script>"))
        .singleElement()
        .asString()
        .startsWith("<script> is not allowed")
        .contains("txt-1");
  }

  @Test
  void formsFramesObjectsAndStyleElementsAreRefused() {
    assertThat(
            problems(
                "<iframe src=\"https://evil\"></iframe><form><input/></form><object/><style>p{}</style>"))
        .extracting(problem -> problem.substring(0, problem.indexOf('>') + 1))
        .containsExactly("<iframe>", "<form>", "<object>", "<style>");
  }

  @Test
  void anEventAttributeIsRefusedNamingItAndItsElement() {
    assertThat(problems("<img src=\"x.png\" alt=\"x\" onerror=\"alert(1)\"/>"))
        .singleElement()
        .asString()
        .startsWith("attribute 'onerror' of <img> is not allowed")
        .contains("txt-2");
  }

  @Test
  void anAttributeOutsideTheListIsRefused() {
    assertThat(problems("<p formaction=\"x\">x</p>"))
        .singleElement()
        .asString()
        .startsWith("attribute 'formaction' of <p>");
  }

  @Test
  void javascriptAndVbscriptUrlsAreRefusedHoweverTheyAreSpelled() {
    assertThat(problems("<a href=\" JaVa&#x09;Script:alert(1)\">x</a>"))
        .singleElement()
        .asString()
        .contains("javascript: URL");
    assertThat(problems("<img src=\"vbscript:msgbox(1)\" alt=\"x\"/>"))
        .singleElement()
        .asString()
        .contains("vbscript: URL");
  }

  @Test
  void dataUrlsAreOnlyAllowedForImages() {
    assertThat(problems("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>"))
        .singleElement()
        .asString()
        .contains("data: URL");
    assertThat(problems("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"x\"/>")).hasSize(1);
  }

  @Test
  void styleThatRunsCodeIsRefused() {
    assertThat(problems("<p style=\"width: expression(alert(1))\">x</p>"))
        .singleElement()
        .asString()
        .contains("active CSS ('expression(')");
    assertThat(problems("<p style=\"background: url(JavaScript:alert(1))\">x</p>")).hasSize(1);
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    assertThat(problems("<p onclick=\"a()\" onmouseover=\"b()\">x</p><script/>")).hasSize(3);
  }
}
