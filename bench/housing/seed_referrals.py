#!/usr/bin/env python3
"""Seed the people of an HMIS export as referred to the housing partner, so that an import can match them.

For each distinct PersonalID in the export's Enrollment.csv (or the first N): a Patient carrying the partner's
HMIS PersonalID identifier, a Referral (ServiceRequest, profile referral) to Organization/demo-housing and an
accepted ReferralTask, written as conditional creates in FHIR transactions of 50 people (re-running creates
nothing new), as the demo administrator with a fresh token from the gateway's development issuer per
transaction. Usage: seed_referrals.py GATEWAY_BASE EXPORT.zip [N]   (e.g. http://127.0.0.1:18096)
"""
import csv
import io
import json
import sys
import urllib.request
import zipfile

HMIS = "https://continuumcare.org/fhir/sid/hmis-personal-id/demo-housing"
SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
BASE = "https://continuumcare.org/fhir/StructureDefinition/"
SEED = "https://continuumcare.org/fhir/sid/bench-housing-referral"


def headers(gateway):
    form = b"grant_type=client_credentials"
    basic = __import__("base64").b64encode(b"demo-admin:demo-admin-secret").decode()
    request = urllib.request.Request(gateway + "/oauth2/token", data=form, method="POST", headers={
        "Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=120) as response:
        token = json.load(response)["access_token"]
    return {"Content-Type": "application/fhir+json", "Authorization": "Bearer " + token}


def personal_ids(export, limit):
    with zipfile.ZipFile(export) as z:
        name = next(n for n in z.namelist() if n.lower().endswith("enrollment.csv"))
        with z.open(name) as f:
            seen = []
            for row in csv.DictReader(io.TextIOWrapper(f, "utf-8-sig")):
                pid = row["PersonalID"]
                if pid and pid not in seen:
                    seen.append(pid)
                    if limit and len(seen) >= limit:
                        break
            return seen


def put(gateway, url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="PUT", headers=headers(gateway))
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def entries(pid):
    p, sr, t = f"urn:uuid:p-{pid}", f"urn:uuid:sr-{pid}", f"urn:uuid:t-{pid}"
    patient = {"resourceType": "Patient", "identifier": [{"system": HMIS, "value": pid}],
               "name": [{"family": "Bench", "given": [f"P{pid}"]}]}
    referral = {"resourceType": "ServiceRequest", "meta": {"profile": [BASE + "referral"]},
                "identifier": [{"system": SEED, "value": f"sr-{pid}"}],
                "status": "active", "intent": "order",
                "category": [{"coding": [{"system": SDOHCC, "code": "housing-instability"}]}],
                "code": {"text": "Recovery housing placement"}, "subject": {"reference": p},
                "authoredOn": "2000-01-03T12:00:00Z", "requester": {"reference": "Organization/demo-prison"},
                "performer": [{"reference": "Organization/demo-housing"}]}
    task = {"resourceType": "Task", "meta": {"profile": [BASE + "referral-task"]},
            "identifier": [{"system": SEED, "value": f"t-{pid}"}],
            "status": "accepted", "intent": "order",
            "code": {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill"}]},
            "focus": {"reference": sr}, "for": {"reference": p}, "authoredOn": "2000-01-03T12:00:00Z",
            "requester": {"reference": "Organization/demo-prison"},
            "owner": {"reference": "Organization/demo-housing"}}
    return [
        {"fullUrl": p, "resource": patient,
         "request": {"method": "POST", "url": "Patient", "ifNoneExist": f"identifier={HMIS}|{pid}"}},
        {"fullUrl": sr, "resource": referral,
         "request": {"method": "POST", "url": "ServiceRequest", "ifNoneExist": f"identifier={SEED}|sr-{pid}"}},
        {"fullUrl": t, "resource": task,
         "request": {"method": "POST", "url": "Task", "ifNoneExist": f"identifier={SEED}|t-{pid}"}},
    ]


def main():
    gateway, export = sys.argv[1].rstrip("/"), sys.argv[2]
    base = gateway + "/fhir"
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    for org, name in (("demo-housing", "Demo housing provider"), ("demo-prison", "Demo prison release team")):
        put(gateway, f"{base}/Organization/{org}", {"resourceType": "Organization", "id": org, "active": True, "name": name})
    ids = personal_ids(export, limit)
    for i in range(0, len(ids), 50):
        bundle = {"resourceType": "Bundle", "type": "transaction",
                  "entry": [e for pid in ids[i:i + 50] for e in entries(pid)]}
        request = urllib.request.Request(base, data=json.dumps(bundle).encode(), method="POST",
                                         headers=headers(gateway))
        urllib.request.urlopen(request, timeout=600).read()
        print(f"seeded {min(i + 50, len(ids))}/{len(ids)} referred persons", file=sys.stderr)
    print(len(ids))


if __name__ == "__main__":
    main()
