package org.continuumcare.gateway.views.engine;

import org.hl7.fhir.r4.fhirpath.ExpressionNode;

/**
 * One column of a view: its name, its compiled FHIRPath, its declared type (a FHIR primitive type
 * name, or null when the view does not say) and whether it holds a collection.
 */
public record ViewColumn(
    String name,
    String path,
    ExpressionNode expression,
    String type,
    boolean collection,
    String element) {}
