#!/usr/bin/env python3
"""A generated population shaped like Continuum's domain, loaded through the gateway's FHIR API.

    bench/analytics/population.py URL RESOURCES [--seed 21] [--from-person N] [--threads 3] [--chunk 12]

Loads, as demo-admin, with transaction bundles (PUT with generated ids, so a reload is idempotent),
people 0, 1, 2, ... until the population reaches RESOURCES resources (the resources the gateway
derives from an assessment, its score Observation and Provenance, counted too). Person i is drawn
from random.Random(f"{seed}:{i}") alone, so the population of 10,000 resources is the first part of
the population of 100,000 of the same seed: `--from-person` continues a smaller one (the script
prints the next person at the end). Prints resources/s as it goes.

Per person (shares are fixed by the seed, not exact):
- Patient; Conditions: opioid use disorder (ICD-10-CM F11.20, from the prison's programme (source
  program tag): labelled as an SUD record at storage) for 60%, alcohol use disorder F10.20 for 15%, hypertension I10 for 50%;
- Consent (SUD disclosure, 42 CFR Part 2 form): every third person names the analysts'
  organisation (continuum-gateway, HOPERAT), every third one demo-treatment (TREAT), the rest none;
- 0-4 BARC-10 assessments (QuestionnaireResponse of the recovery-capital-assessment profile, 30-120
  days apart; the gateway scores each into a RecoveryCapitalScore Observation and a Provenance);
- for 40% a release handoff as the gateway's handoff mapper writes it: release Encounter (release
  date extension), MedicationStatements (MOUD with the days supplied at release, for 60% of them),
  a treatment-continuation and (on MOUD) a moud-continuation Referral + ReferralTask, the
  ReleaseHandoff Composition (release date, receiving organisation, sections), and for half of
  those on MOUD a MedicationRequest of the community provider 1-30 days after release;
- 1-3 further referrals (peer support, housing, employment, harm reduction, legal services) with
  their ReferralTask, each moved through its history (requested -> accepted -> in-progress ->
  completed, or rejected, or accepted -> cancelled) by successive updates, so each Task has 1-4
  versions, as SDOHCC asks: rejected and cancelled ones say why (statusReason), completed ones name
  their resulting activity (Task.output: a finished Encounter of the partner); completed housing
  referrals also get a housing-status Observation (permanent housing).
"""
import argparse
import base64
import concurrent.futures
import datetime as dt
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request

SYSTEM = "urn:continuum:bench:population"
RC = "https://continuumcare.org/fhir"
SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
ORGS = {"demo-prison": "Demo prison", "demo-treatment": "Demo treatment provider",
        "demo-housing": "Demo housing provider", "demo-employment": "Demo employment service",
        "continuum-gateway": "Continuum gateway", "bench-peer": "Bench peer recovery centre",
        "bench-legal": "Bench legal aid"}
FAMILY = ["Reyes", "Okafor", "Nguyen", "Smith", "Haddad", "Kowalski", "Garcia", "Brown", "Singh", "Olsen"]
GIVEN = ["Alex", "Sam", "Jordan", "Taylor", "Casey", "Morgan", "Riley", "Jamie", "Robin", "Drew"]
# Other referrals: (category system, code, partner).
OTHER = [(RC + "/CodeSystem/referral-category", "peer-support", "bench-peer"),
         (SDOHCC, "housing-instability", "demo-housing"),
         (SDOHCC, "employment-status", "demo-employment"),
         (RC + "/CodeSystem/referral-category", "harm-reduction", "demo-treatment"),
         (RC + "/CodeSystem/referral-category", "legal-services", "bench-legal")]
SOURCE_PROGRAM = "https://continuumcare.org/fhir/sid/part2-source-program"
START = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def ref(r):
    return {"reference": r}


def coding(system, code, display=None):
    c = {"system": system, "code": code}
    if display:
        c["display"] = display
    return c


class Person:
    """The resources of person i, as create bundle entries plus later Task versions."""

    def __init__(self, seed, i):
        self.r = random.Random(f"{seed}:{i}")
        self.pid = f"b{seed}-p{i}"
        self.entries = []      # PUTs of the first bundle
        self.versions = []     # [[Task resource of version 2, ...], ...] per later round
        self.derived = 0       # resources the gateway derives (score Observation + Provenance)
        self.build(i)

    def put(self, resource):
        self.entries.append({"resource": resource,
                             "request": {"method": "PUT", "url": f"{resource['resourceType']}/{resource['id']}"}})

    def build(self, i):
        r, pid = self.r, self.pid
        patient = f"Patient/{pid}"
        self.put({"resourceType": "Patient", "id": pid,
                  "identifier": [{"system": SYSTEM, "value": f"p{i}"}],
                  "name": [{"family": r.choice(FAMILY), "given": [r.choice(GIVEN)]}],
                  "gender": r.choice(["male", "female", "other"]),
                  "birthDate": f"{r.randint(1960, 2003)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"})
        anchor = START + dt.timedelta(days=r.randint(0, 600), hours=r.randint(8, 17))
        sud = r.random() < 0.6
        for n, (share, code, display) in enumerate([(0.6, "F11.20", "Opioid dependence, uncomplicated"),
                                                    (0.15, "F10.20", "Alcohol dependence, uncomplicated"),
                                                    (0.5, "I10", "Essential (primary) hypertension")]):
            if (sud if n == 0 else r.random() < share):
                self.put({"resourceType": "Condition", "id": f"{pid}-c{n}",
                          "clinicalStatus": {"coding": [coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active")]},
                          "verificationStatus": {"coding": [coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed")]},
                          "category": [{"coding": [coding("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")]}],
                          "code": {"coding": [coding("http://hl7.org/fhir/sid/icd-10-cm", code, display)]},
                          "subject": ref(patient), "onsetDateTime": iso(anchor - dt.timedelta(days=r.randint(100, 3000))),
                          "recordedDate": iso(anchor - dt.timedelta(days=r.randint(1, 90)))})
                if n < 2:  # recorded by the prison's SUD programme (R4 has no Organization recorder)
                    self.entries[-1]["resource"]["meta"] = {"tag": [coding(SOURCE_PROGRAM, "demo-prison")]}
        if i % 3 != 2:
            recipient, purpose = (("Organization/continuum-gateway", "HOPERAT") if i % 3 == 0
                                  else ("Organization/demo-treatment", "TREAT"))
            self.put(consent(f"{pid}-consent", patient, recipient, purpose, anchor - dt.timedelta(days=30)))
        # BARC-10 assessments: drifting upward for most people.
        when, level, drift = anchor - dt.timedelta(days=r.randint(0, 60)), r.randint(1, 5), r.choice([-1, 0, 1, 1, 2])
        for k in range(r.choice([0, 1, 2, 2, 3, 4])):
            answers = [max(1, min(6, level + r.randint(-1, 1) + (drift * k) // 2)) for _ in range(10)]
            self.put({"resourceType": "QuestionnaireResponse", "id": f"{pid}-barc{k}",
                      "meta": {"profile": [RC + "/StructureDefinition/recovery-capital-assessment"]},
                      "questionnaire": RC + "/Questionnaire/barc-10", "status": "completed",
                      "subject": ref(patient), "authored": iso(when), "author": ref("Practitioner/bench-coach"),
                      "source": ref(patient),
                      "item": [{"linkId": f"barc-10-{q + 1:02d}",
                                "answer": [{"valueCoding": coding(RC + "/CodeSystem/agreement-scale-6", str(a))}]}
                               for q, a in enumerate(answers)]})
            self.derived += 2
            when += dt.timedelta(days=r.randint(30, 120))
        if r.random() < 0.4:
            self.handoff(patient, anchor)
        for n in range(r.randint(1, 3)):
            system, code, partner = r.choice(OTHER)
            sent = anchor + dt.timedelta(days=r.randint(0, 200), hours=r.randint(0, 8))
            self.referral(f"{pid}-r{n}", patient, system, code, partner, sent, "Organization/demo-prison")

    def referral(self, rid, patient, system, code, partner, sent, requester, moud_refs=()):
        r = self.r
        sr = {"resourceType": "ServiceRequest", "id": rid,
              "meta": {"profile": [RC + "/StructureDefinition/referral"]},
              "identifier": [{"system": SYSTEM, "value": rid}],
              "status": "active", "intent": "order",
              "category": [{"coding": [coding(system, code)]}],
              "code": {"text": f"Referral: {code}"}, "subject": ref(patient), "authoredOn": iso(sent),
              "requester": ref(requester), "performer": [ref(f"Organization/{partner}")]}
        if moud_refs:
            sr["supportingInfo"] = [ref(m) for m in moud_refs]
        self.put(sr)
        task = {"resourceType": "Task", "id": f"{rid}-task",
                "meta": {"profile": [RC + "/StructureDefinition/referral-task"]},
                "identifier": [{"system": SYSTEM, "value": f"{rid}-task"}],
                "status": "requested", "intent": "order",
                "code": {"coding": [coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill")]},
                "focus": ref(f"ServiceRequest/{rid}"), "for": ref(patient), "authoredOn": iso(sent),
                "lastModified": iso(sent), "requester": ref(requester), "owner": ref(f"Organization/{partner}")}
        self.put(task)
        fate = r.choices(["open", "completed", "in-progress", "rejected", "cancelled", "accepted"],
                         [15, 40, 10, 15, 10, 10])[0]
        path = {"open": [], "accepted": ["accepted"], "in-progress": ["accepted", "in-progress"],
                "completed": ["accepted", "in-progress", "completed"], "rejected": ["rejected"],
                "cancelled": ["accepted", "cancelled"]}[fate]
        at, started = sent, None
        for n, status in enumerate(path):
            at += dt.timedelta(hours=r.randint(2, 24 * (3 if status == "accepted" else 30)))
            version = dict(task, status=status, lastModified=iso(at))
            if status == "rejected":
                version["statusReason"] = {"text": "Outside the service area"}
            if status == "cancelled":
                version["statusReason"] = {"text": "The client moved out of the area"}
            if status == "in-progress":
                started = iso(at)
                version["executionPeriod"] = {"start": started}
            if status == "completed":
                version["executionPeriod"] = {"start": started, "end": iso(at)}
                version["output"] = [{"type": {"coding": [coding(SDOHCC, "resulting-activity")]},
                                      "valueReference": ref(f"Encounter/{rid}-service")}]
            while len(self.versions) <= n:
                self.versions.append([])
            self.versions[n].append(version)
        if fate == "completed":
            # SDOHCC: a completed referral Task names what was done (its resulting activity).
            self.put({"resourceType": "Encounter", "id": f"{rid}-service", "status": "finished",
                      "class": coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
                      "subject": ref(patient), "basedOn": [ref(f"ServiceRequest/{rid}")],
                      "serviceProvider": ref(f"Organization/{partner}"), "period": {"end": iso(at)}})
        if fate == "completed" and code == "housing-instability":
            self.put({"resourceType": "Observation", "id": f"{rid}-housing", "status": "final",
                      "category": [{"coding": [coding("http://terminology.hl7.org/CodeSystem/observation-category", "social-history")]}],
                      "code": {"coding": [coding("http://loinc.org", "71802-3", "Housing status")]},
                      "subject": ref(patient), "effectiveDateTime": iso(at),
                      "performer": [ref(f"Organization/{partner}")],
                      # Both codings, as the housing route writes them: the HMIS answer and its HUD category.
                      "valueCodeableConcept": {"coding": [coding(RC + "/CodeSystem/hmis-living-situation", "410",
                                                                 "Rental by client, no ongoing housing subsidy"),
                                                          coding(RC + "/CodeSystem/housing-situation-category",
                                                                 "permanent", "Permanent housing")]}})
        return at

    def handoff(self, patient, anchor):
        r, pid = self.r, self.pid
        release = (anchor + dt.timedelta(days=r.randint(10, 120))).date()
        date = dt.datetime.combine(release, dt.time(0), dt.timezone.utc) - dt.timedelta(hours=r.randint(24, 30 * 24))
        release_type = r.choice(["parole", "probation", "sentence-completed"])
        release_ext = {"url": RC + "/StructureDefinition/release-date",
                       "extension": [{"url": "date", "valueDate": release.isoformat()},
                                     {"url": "confirmed", "valueBoolean": True}]}
        encounter = f"Encounter/{pid}-release"
        self.put({"resourceType": "Encounter", "id": f"{pid}-release", "extension": [release_ext],
                  "identifier": [{"system": SYSTEM, "value": f"{pid}-release"}], "status": "finished",
                  "class": coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "NONAC", "inpatient non-acute"),
                  "type": [{"text": "Custody ending in release"}], "subject": ref(patient),
                  "period": {"end": release.isoformat()}, "serviceProvider": ref("Organization/demo-prison")})
        moud = r.random() < 0.6
        meds = []
        if moud:
            drug, rxcui = r.choice([("Buprenorphine/naloxone 8 mg/2 mg sublingual film", "1819"),
                                    ("Methadone 60 mg oral solution", "6813"),
                                    ("Naltrexone 380 mg extended-release injection", "7243")])
            meds.append(f"MedicationStatement/{pid}-moud")
            self.put({"resourceType": "MedicationStatement", "id": f"{pid}-moud",
                      "extension": [{"url": RC + "/StructureDefinition/medication-supply-at-release",
                                     "valueQuantity": {"value": r.choice([3, 7, 14]), "unit": "days",
                                                       "system": "http://unitsofmeasure.org", "code": "d"}}],
                      "identifier": [{"system": SYSTEM, "value": f"{pid}-moud"}], "status": "active",
                      "medicationCodeableConcept": {"coding": [coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxcui)],
                                                    "text": drug},
                      "subject": ref(patient), "context": ref(encounter),
                      "effectivePeriod": {"start": (release - dt.timedelta(days=r.randint(30, 400))).isoformat()},
                      "dateAsserted": iso(date), "informationSource": ref("Organization/demo-prison")})
            if r.random() < 0.5:
                self.put({"resourceType": "MedicationRequest", "id": f"{pid}-moud-community", "status": "active",
                          "intent": "order", "medicationCodeableConcept": {"coding": [coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxcui)], "text": drug},
                          "subject": ref(patient),
                          "authoredOn": iso(dt.datetime.combine(release, dt.time(10), dt.timezone.utc) + dt.timedelta(days=r.randint(1, 30))),
                          "requester": ref("Organization/demo-treatment")})
        else:
            meds.append(f"MedicationStatement/{pid}-nomed")
            self.put({"resourceType": "MedicationStatement", "id": f"{pid}-nomed", "status": "unknown",
                      "medicationCodeableConcept": {"coding": [coding("http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips", "no-medication-info", "No information about medications")]},
                      "subject": ref(patient), "context": ref(encounter), "dateAsserted": iso(date),
                      "informationSource": ref("Organization/demo-prison")})
        referrals = []
        for name in ["treatment-continuation"] + (["moud-continuation"] if moud else []):
            rid = f"{pid}-h-{name}"
            self.referral(rid, patient, RC + "/CodeSystem/referral-category", name, "demo-treatment", date,
                          "Organization/demo-prison", meds if name == "moud-continuation" else ())
            referrals += [f"ServiceRequest/{rid}", f"Task/{rid}-task"]
        self.put({"resourceType": "Composition", "id": f"{pid}-handoff",
                  "meta": {"profile": [RC + "/StructureDefinition/release-handoff"]},
                  "identifier": {"system": SYSTEM, "value": f"{pid}-handoff"},
                  "extension": [release_ext, {"url": RC + "/StructureDefinition/receiving-organization",
                                              "valueReference": ref("Organization/demo-treatment")}],
                  "status": "final", "type": {"coding": [coding("http://loinc.org", "18761-7", "Transfer summary note")]},
                  "category": [{"coding": [coding(RC + "/CodeSystem/release-type", release_type)]}],
                  "subject": ref(patient), "encounter": ref(encounter), "date": iso(date),
                  "author": [ref("Organization/demo-prison")], "title": "Release handoff", "confidentiality": "R",
                  "custodian": ref("Organization/demo-prison"),
                  "event": [{"period": {"start": release.isoformat()}, "detail": [ref("Organization/demo-prison")]}],
                  "section": [{"title": "Medications to continue", "code": {"coding": [coding("http://loinc.org", "10160-0")]},
                               "entry": [ref(m) for m in meds]},
                              {"title": "Referrals", "code": {"coding": [coding("http://loinc.org", "57133-1")]},
                               "entry": [ref(x) for x in referrals]}]})


def consent(cid, patient_ref, recipient, purpose, when):
    return {"resourceType": "Consent", "id": cid, "status": "active",
            "scope": {"coding": [coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy")]},
            "category": [{"coding": [coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IDSCL")]},
                         {"coding": [coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2")]}],
            "patient": ref(patient_ref), "dateTime": when.date().isoformat(), "performer": [ref(patient_ref)],
            "organization": [ref("Organization/demo-prison")],
            "sourceAttachment": {"contentType": "application/pdf", "title": "Signed consent form",
                                 "url": "urn:uuid:5f0c1b2e-0000-4000-8000-000000000001"},
            "policy": [{"uri": "https://continuumcare.org/fhir/consent-policy/part2-revocation"}],
            "policyRule": {"coding": [coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN")]},
            "provision": {"type": "permit", "period": {"start": when.date().isoformat(), "end": "2099-12-31"},
                          "actor": [{"role": {"coding": [coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP")]},
                                     "reference": ref(recipient)},
                                    {"role": {"coding": [coding("http://terminology.hl7.org/CodeSystem/extra-security-role-type", "dataprocessor")]},
                                     "reference": ref("Organization/continuum-gateway")}],
                          "purpose": [coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", purpose)],
                          "securityLabel": [coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"),
                                            coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2")]}}


def make_person(seed, i):
    return Person(seed, i)


def people_for(seed, resources, first=0):
    """Persons first.. until the population (from person 0) reaches `resources`; counts."""
    total, i = 0, 0
    out = []
    while total < resources:
        p = make_person(seed, i)
        total += len(p.entries) + p.derived
        if i >= first:
            out.append(p)
        i += 1
    return out, i, total


class Gateway:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.lock = threading.Lock()
        self.tok, self.tok_at = None, 0

    def token(self):
        with self.lock:
            if time.time() - self.tok_at > 240:
                req = urllib.request.Request(self.base + "/oauth2/token", data=b"grant_type=client_credentials",
                    headers={"Authorization": "Basic " + base64.b64encode(b"demo-admin:demo-admin-secret").decode(),
                             "Content-Type": "application/x-www-form-urlencoded"})
                self.tok, self.tok_at = json.load(urllib.request.urlopen(req))["access_token"], time.time()
            return self.tok

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": "Bearer " + self.token(), "Content-Type": "application/fhir+json",
            "Accept": "application/fhir+json", "Prefer": "return=minimal"})
        try:
            with urllib.request.urlopen(req, timeout=900) as resp:
                raw = resp.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{method} {path}: HTTP {e.code}: {e.read().decode()[:3000]}")


def ensure_orgs(gw):
    for org, name in ORGS.items():
        try:
            gw.call("GET", f"/fhir/Organization/{org}")
        except SystemExit:
            gw.call("PUT", f"/fhir/Organization/{org}", {"resourceType": "Organization", "id": org, "name": name})
    try:
        gw.call("GET", "/fhir/Practitioner/bench-coach")
    except SystemExit:
        gw.call("PUT", "/fhir/Practitioner/bench-coach", {"resourceType": "Practitioner", "id": "bench-coach",
                                                          "name": [{"family": "Coach", "given": ["Bench"]}]})


def load_chunk(gw, persons, assessments=True):
    # Assessments go in the same transaction: the gateway scores each one inside it.
    # A Task stored by an interrupted run has moved on through its history: PUT again as requested,
    # the gateway would refuse the move back, so a re-run leaves stored Tasks (and their steps) alone.
    task_ids = [e["resource"]["id"] for p in persons for e in p.entries if e["resource"]["resourceType"] == "Task"]
    stored = set()
    for k in range(0, len(task_ids), 50):
        found = gw.call("GET", "/fhir/Task?_elements=id&_count=50&_id=" + ",".join(task_ids[k:k + 50]))
        stored |= {e["resource"]["id"] for e in (found or {}).get("entry", [])}
    entries = [e for p in persons for e in p.entries
               if (assessments or e["resource"]["resourceType"] != "QuestionnaireResponse")
               and not (e["resource"]["resourceType"] == "Task" and e["resource"]["id"] in stored)]
    gw.call("POST", "/fhir", {"resourceType": "Bundle", "type": "transaction", "entry": entries})
    n = len(entries)
    rounds = max((len(p.versions) for p in persons), default=0)
    for k in range(rounds):
        updates = [{"resource": t, "request": {"method": "PUT", "url": f"Task/{t['id']}"}}
                   for p in persons if len(p.versions) > k for t in p.versions[k] if t["id"] not in stored]
        if not updates:
            continue
        gw.call("POST", "/fhir", {"resourceType": "Bundle", "type": "transaction", "entry": updates})
    return n + sum(p.derived for p in persons), sum(len(v) for p in persons for v in p.versions)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("resources", type=int)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--from-person", type=int, default=0)
    ap.add_argument("--threads", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=12, help="people per transaction bundle")
    ap.add_argument("--dry-run", action="store_true", help="only count")
    ap.add_argument("--no-assessments", action="store_true", help="leave the assessments out (timing)")
    a = ap.parse_args()
    persons, next_person, total = people_for(a.seed, a.resources, a.from_person)
    versions = sum(len(v) for p in persons for v in p.versions)
    print(f"population seed={a.seed}: people {a.from_person}..{next_person - 1}, "
          f"{total} resources from person 0 (this run: {sum(len(p.entries) + p.derived for p in persons)} "
          f"resources + {versions} Task updates)", flush=True)
    if a.dry_run:
        return
    gw = Gateway(a.url)
    ensure_orgs(gw)
    chunks = [persons[k:k + a.chunk] for k in range(0, len(persons), a.chunk)]
    started, done, updates, last = time.time(), 0, 0, 0
    with concurrent.futures.ThreadPoolExecutor(a.threads) as pool:
        for made, upd in pool.map(lambda c: load_chunk(gw, c, not a.no_assessments), chunks):
            done += made
            updates += upd
            if done - last >= 2000:
                last = done
                el = time.time() - started
                print(f"  {done} resources + {updates} Task updates in {el:.0f} s: {done / el:.0f} resources/s",
                      flush=True)
    el = time.time() - started
    print(f"loaded {done} resources + {updates} Task updates in {el:.0f} s ({done / el:.0f} resources/s); "
          f"next person: {next_person}", flush=True)


if __name__ == "__main__":
    main()
