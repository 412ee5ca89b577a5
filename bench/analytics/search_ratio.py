#!/usr/bin/env python3
"""Analyst vs administrator: the cost of the same 100-row Condition search page.

Seeds PEOPLE people (as demo-release-team, the prison's care team, so every SUD record has the
prison as its source program), each with one SUD Condition (ICD-10-CM F11.20, labelled at storage)
and one plain Condition; every third person has a consent naming the analysts' organisation
(continuum-gateway) for HOPERAT, every third one naming another recipient, the rest none. Then
times GET /fhir/Condition?identifier=<run system>|&_count=100 for demo-admin and demo-analyst
(warm-up, then ROUNDS requests each, alternating) and prints median, p95 and the analyst/admin
ratio of medians.

    bench/analytics/search_ratio.py http://127.0.0.1:8080 [PEOPLE=100] [ROUNDS=30]

Needs a gateway with the development token issuer (bench/gateway.sh). Fixed seed: the run's
identifier system is the only random part (so runs do not see each other's records).
"""
import base64
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request
import uuid

base = sys.argv[1].rstrip("/")
people = int(sys.argv[2]) if len(sys.argv) > 2 else 100
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 30


def token(client):
    request = urllib.request.Request(base + "/oauth2/token", data=b"grant_type=client_credentials",
        headers={"Authorization": "Basic " + base64.b64encode(f"{client}:{client}-secret".encode()).decode(),
                 "Content-Type": "application/x-www-form-urlencoded"})
    return json.load(urllib.request.urlopen(request))["access_token"]


def call(method, path, client_token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": "Bearer " + client_token, "Content-Type": "application/fhir+json",
        "Accept": "application/fhir+json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)


def consent(patient_ref, recipient, purpose):
    return {"resourceType": "Consent", "status": "active",
            "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IDSCL"}]},
                         {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "42CFRPart2"}]}],
            "patient": {"reference": patient_ref}, "dateTime": "2026-01-01", "performer": [{"reference": patient_ref}],
            "organization": [{"reference": "Organization/demo-prison"}],
            # The signed form and the revocation statement the consent form check requires (42 CFR 2.31).
            "sourceAttachment": {"contentType": "application/pdf", "title": "Signed consent form",
                                 "url": "urn:uuid:5f0c1b2e-0000-4000-8000-000000000001"},
            "policy": [{"uri": "https://continuumcare.org/fhir/consent-policy/part2-revocation"}],
            "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]},
            "provision": {"type": "permit", "period": {"start": "2026-01-01", "end": "2099-12-31"},
                          "actor": [{"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP"}]},
                                     "reference": {"reference": recipient}},
                                    {"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/extra-security-role-type", "code": "dataprocessor"}]},
                                     "reference": {"reference": "Organization/continuum-gateway"}}],
                          "purpose": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": purpose}],
                          "securityLabel": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"},
                                            {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "42CFRPart2"}]}}


def seed(system):
    admin = token("demo-admin")
    for org in ["demo-prison", "demo-treatment", "continuum-gateway"]:
        call("PUT", "/fhir/Organization/" + org, admin, {"resourceType": "Organization", "id": org, "name": org})
    release = token("demo-release-team")
    for start in range(0, people, 25):
        entries = []
        for i in range(start, min(people, start + 25)):
            patient = "urn:uuid:" + str(uuid.uuid4())
            entries.append({"fullUrl": patient, "resource": {"resourceType": "Patient",
                "identifier": [{"system": system, "value": f"p{i}"}]}, "request": {"method": "POST", "url": "Patient"}})
            for code, display in [("F11.20", "Opioid dependence, uncomplicated"), ("I10", "Essential hypertension")]:
                entries.append({"resource": {"resourceType": "Condition",
                    "identifier": [{"system": system, "value": f"c{i}-{code}"}],
                    "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                    "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": code, "display": display}]},
                    "subject": {"reference": patient}}, "request": {"method": "POST", "url": "Condition"}})
            if i % 3 == 0:
                entries.append({"resource": consent(patient, "Organization/continuum-gateway", "HOPERAT"),
                                "request": {"method": "POST", "url": "Consent"}})
            elif i % 3 == 1:
                entries.append({"resource": consent(patient, "Organization/demo-treatment", "TREAT"),
                                "request": {"method": "POST", "url": "Consent"}})
        call("POST", "/fhir", release, {"resourceType": "Bundle", "type": "transaction", "entry": entries})


def timed(client_token, path):
    started = time.perf_counter()
    bundle = call("GET", path, client_token)
    return time.perf_counter() - started, len(bundle.get("entry", []))


def main():
    system = "urn:continuum:bench:search-ratio:" + str(uuid.uuid4())
    seed(system)
    path = "/fhir/Condition?identifier=" + urllib.parse.quote(system + "|", safe="") + "&_count=100"
    tokens = {client: token(client) for client in ["demo-admin", "demo-analyst"]}
    for _ in range(5):
        for client_token in tokens.values():
            timed(client_token, path)
    times = {client: [] for client in tokens}
    rows = {}
    for _ in range(rounds):
        for client, client_token in tokens.items():
            seconds, count = timed(client_token, path)
            times[client].append(seconds)
            rows[client] = count
    for client, values in times.items():
        values.sort()
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        print(f"{client:13s} rows={rows[client]:3d} median={statistics.median(values) * 1000:7.1f} ms"
              f"  p95={p95 * 1000:7.1f} ms")
    ratio = statistics.median(times["demo-analyst"]) / statistics.median(times["demo-admin"])
    print(f"analyst/admin (medians): {ratio:.2f}x   people={people} rounds={rounds}")


main()
