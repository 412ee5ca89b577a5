#!/usr/bin/env python3
"""Builds terminology/validation-support: CodeSystem fragments (content = fragment) of the external code
systems Continuum's two packages use that the offline HL7 validator cannot load (LOINC, HL7 v2 table 0112,
ICD-10, ICD-10-CM), each listing only the codes our packages use, with the displays they carry; and the
SDC calculatedExpression extension definition copied unchanged from hl7.fhir.uv.sdc (npm, 4.0.0-ballot).
For the HL7 validator only (build-tools/hl7-validate.sh); never shipped in the gateway.
usage: build-tools/validation-support.py TERMINOLOGY.tgz RECOVERY.tgz [SDC.tgz]
"""
import io, json, sys, tarfile

SYSTEMS = {
    "http://loinc.org": ("loinc-fragment", "LOINC", "http://loinc.org", "2.80"),
    "http://terminology.hl7.org/CodeSystem/v2-0112": ("v2-0112-fragment", "HL7 v2 table 0112 Discharge Disposition", "HL7 Version 2 table 0112", "2.9"),
    "http://hl7.org/fhir/sid/icd-10": ("icd-10-fragment", "ICD-10 (WHO)", "World Health Organization", "2019"),
    "http://hl7.org/fhir/sid/icd-10-cm": ("icd-10-cm-fragment", "ICD-10-CM", "CDC National Center for Health Statistics", "2025"),
}
# Category titles of the ICD-10 blocks the sud-conditions ValueSet includes by is-a filter (no displays there).
ICD10 = {"F10": "alcohol", "F11": "opioids", "F12": "cannabinoids", "F13": "sedatives or hypnotics",
         "F14": "cocaine", "F15": "other stimulants, including caffeine", "F16": "hallucinogens",
         "F18": "volatile solvents", "F19": "multiple drug use and use of other psychoactive substances"}
ICD10CM = {"F10": "Alcohol related disorders", "F11": "Opioid related disorders", "F12": "Cannabis related disorders",
           "F13": "Sedative, hypnotic, or anxiolytic related disorders", "F14": "Cocaine related disorders",
           "F15": "Other stimulant related disorders", "F16": "Hallucinogen related disorders",
           "F18": "Inhalant related disorders", "F19": "Other psychoactive substance related disorders"}

codes = {s: {} for s in SYSTEMS}

def add(system, code, display):
    if system in codes and code:
        codes[system].setdefault(code, display)

def walk(node):
    if isinstance(node, dict):
        if "system" in node and "code" in node:
            add(node["system"], node["code"], node.get("display"))
        for v in node.values():
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)

def resources(tgz):
    with tarfile.open(tgz) as t:
        for m in t.getmembers():
            if m.name.endswith(".json") and not m.name.endswith("package.json") and "/package/" in "/" + m.name:
                yield json.load(t.extractfile(m))

for tgz in sys.argv[1:3]:
    for r in resources(tgz):
        walk(r)
        if r.get("resourceType") == "ValueSet":
            for inc in r.get("compose", {}).get("include", []):
                for c in inc.get("concept", []):
                    add(inc.get("system"), c["code"], c.get("display"))
        if r.get("resourceType") == "ConceptMap":
            for g in r.get("group", []):
                for e in g.get("element", []):
                    add(g.get("source"), e.get("code"), e.get("display"))
                    for t in e.get("target", []):
                        add(g.get("target"), t.get("code"), t.get("display"))
for code, what in ICD10.items():
    add("http://hl7.org/fhir/sid/icd-10", code, "Mental and behavioural disorders due to use of " + what)
for code, title in ICD10CM.items():
    add("http://hl7.org/fhir/sid/icd-10-cm", code, title)

out = "terminology/validation-support/package/"
for system, (cid, title, publisher, version) in SYSTEMS.items():
    cs = {"resourceType": "CodeSystem", "id": cid, "url": system,
          "name": cid.replace("-", "_"), "title": title + " (fragment for offline validation)",
          "status": "active", "experimental": False, "publisher": publisher,
          "description": "Only the codes Continuum's packages use, with the displays they carry, so that the HL7 "
                         "validator can check them without a terminology server. Not the code system; not shipped.",
          "caseSensitive": True, "content": "fragment", "count": len(codes[system]),
          "concept": [dict({"code": c}, **({"display": d} if d else {})) for c, d in sorted(codes[system].items())]}
    if version:
        cs["version"] = version
    json.dump(cs, open(out + "CodeSystem-" + cid + ".json", "w"), indent=1)
    print(system, len(codes[system]))
if len(sys.argv) > 3:
    with tarfile.open(sys.argv[3]) as t:
        for m in t.getmembers():
            if m.name.endswith("StructureDefinition-sdc-questionnaire-calculatedExpression.json"):
                sd = json.load(t.extractfile(m))
                json.dump(sd, open(out + "StructureDefinition-sdc-questionnaire-calculatedExpression.json", "w"), indent=1)
                print("SDC", sd["url"], sd.get("version"))
json.dump({"name": "continuumcare.validation-support", "version": "0.1.0", "fhirVersions": ["4.0.1"],
           "type": "IG", "license": "CC0-1.0", "canonical": "https://continuumcare.org/fhir/validation-support",
           "description": "Offline stand-ins for the HL7 validator: code system fragments and one SDC extension.",
           "dependencies": {"hl7.fhir.r4.core": "4.0.1"}}, open(out + "package.json", "w"), indent=1)
