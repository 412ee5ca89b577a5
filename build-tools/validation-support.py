#!/usr/bin/env python3
"""Builds terminology/validation-support: CodeSystem fragments (content = fragment) of the external code
systems Continuum's two packages use that the offline HL7 validator cannot load (LOINC, HL7 v2 table 0112,
ICD-10, ICD-10-CM), each listing only the codes our packages use, with the displays they carry; and the
SDC calculatedExpression extension definition copied unchanged from hl7.fhir.uv.sdc (npm, 4.0.0-ballot);
and the media types (urn:ietf:bcp:13) registered with IANA, as listed by the mime-db npm package (entries whose
source is "iana"), as a complete code system: attachments' contentType and expressions' language are codes bound
to the core mimetypes ValueSet, which includes that whole system, and the validator can infer their system and
check them offline only from a resolvable code system with content = complete.
For the HL7 validator only (build-tools/hl7-validate.sh); never shipped in the gateway.
usage: build-tools/validation-support.py TERMINOLOGY.tgz RECOVERY.tgz [SDC.tgz] [MIME-DB.tgz]
(the optional packages in any order, told apart by their package.json name; a file not given is left as it is)
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
def package_name(t):
    for m in t.getmembers():
        if m.name == "package/package.json":
            return json.load(t.extractfile(m)).get("name")
    return None

def sdc(t):
    for m in t.getmembers():
        if m.name.endswith("StructureDefinition-sdc-questionnaire-calculatedExpression.json"):
            sd = json.load(t.extractfile(m))
            json.dump(sd, open(out + "StructureDefinition-sdc-questionnaire-calculatedExpression.json", "w"), indent=1)
            print("SDC", sd["url"], sd.get("version"))

def media_types(t):
    version = json.load(t.extractfile("package/package.json"))["version"]
    db = json.load(t.extractfile("package/db.json"))
    registered = sorted(c for c, entry in db.items() if entry.get("source") == "iana")
    cs = {"resourceType": "CodeSystem", "id": "iana-media-types", "url": "urn:ietf:bcp:13",
          "version": "mime-db-" + version, "name": "IanaMediaTypes",
          "title": "Media types registered with IANA (BCP 13), as listed by mime-db " + version,
          "status": "active", "experimental": False, "publisher": "IANA (list: the mime-db npm package, MIT)",
          "description": "Every media type that the npm package mime-db " + version + " lists with source "
                         "\"iana\", i.e. the IANA media types registry as of that release, so that the HL7 "
                         "validator can check media type codes without a terminology server. A type registered "
                         "later, or a code with parameters (text/plain;charset=UTF-8), is not listed and is "
                         "reported as an error: regenerate from a newer mime-db. For validation only; not shipped.",
          "copyright": "Registry content: IANA (public). List: mime-db, MIT licence, (c) Jonathan Ong and "
                       "Douglas Christopher Wilson.",
          "caseSensitive": False, "content": "complete", "count": len(registered),
          "concept": [{"code": c} for c in registered]}
    json.dump(cs, open(out + "CodeSystem-iana-media-types.json", "w"), indent=1)
    print("urn:ietf:bcp:13", len(registered), "from mime-db", version)

for extra in sys.argv[3:]:
    with tarfile.open(extra) as t:
        name = package_name(t)
        if name == "hl7.fhir.uv.sdc":
            sdc(t)
        elif name == "mime-db":
            media_types(t)
        else:
            sys.exit("not a package this script reads (hl7.fhir.uv.sdc, mime-db): %s (%s)" % (extra, name))
json.dump({"name": "continuumcare.validation-support", "version": "0.1.0", "fhirVersions": ["4.0.1"],
           "type": "IG", "license": "CC0-1.0", "canonical": "https://continuumcare.org/fhir/validation-support",
           "description": "Offline stand-ins for the HL7 validator: code system fragments, the IANA media types and one SDC extension.",
           "dependencies": {"hl7.fhir.r4.core": "4.0.1"}}, open(out + "package.json", "w"), indent=1)
