#!/usr/bin/env python3
"""Where the gateway's CPU goes, from a JFR recording: each execution sample is put in the first category
whose marker appears anywhere in its stack (so 'profile validation' includes the parsing and terminology
work done inside the validator). Usage: jfr-breakdown.py RECORDING.jfr [JFR-TOOL]"""
import collections, json, subprocess, sys

CATEGORIES = [
    ("profile validation (HAPI FhirInstanceValidator)", ("org.hl7.fhir.validation", "FhirInstanceValidator",
                                                          "ValidationSupportChain", "org.hl7.fhir.r5.utils.validation")),
    ("relay (outbox claim, delivery, audit)", ("org.continuumcare.routes.relay", "org.continuumcare.gateway.relay")),
    ("handoff translation (v2 -> FHIR)", ("org.continuumcare.routes.prison",)),
    ("search-parameter indexing", ("SearchParamExtractor", "ca.uhn.fhir.jpa.searchparam")),
    ("FHIR parse/encode", ("ca.uhn.fhir.parser",)),
    ("JDBC / PostgreSQL driver", ("org.postgresql",)),
    ("Hibernate", ("org.hibernate",)),
    ("HAPI JPA (other)", ("ca.uhn.fhir.jpa",)),
    ("Netty / Camel", ("io.netty", "org.apache.camel")),
    ("JIT / GC / JVM", ()),
]

def main():
    recording = sys.argv[1]
    tool = sys.argv[2] if len(sys.argv) > 2 else "jfr"
    out = subprocess.run([tool, "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample",
                          recording], capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    counts = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in frames]
        joined = "\n".join(names)
        for label, markers in CATEGORIES:
            if not markers or any(m in joined for m in markers):
                counts[label] += 1
                break
    total = sum(counts.values()) or 1
    print(f"{total} execution samples")
    for label, _ in CATEGORIES:
        print(f"  {counts[label] * 100.0 / total:5.1f} %  {label}")

if __name__ == "__main__":
    main()
