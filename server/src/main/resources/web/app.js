/*
 * Minutewise page. Plain JavaScript, no framework, no external resources. Every piece of text from the user or
 * the server goes into the page through textContent (never innerHTML), so nothing typed can become markup.
 */
"use strict";

(function () {
  const ROLES = ["PT", "PTA", "OT", "OTA", "SLP", "SLPA", "MD", "NPP", "DC", "AIDE"];
  const MODES = [["", "default"], ["one-on-one", "one-on-one"], ["group", "group"], ["supervised", "supervised"]];
  const PLANS = [["", "visit's"], ["PT", "PT"], ["OT", "OT"], ["SLP", "SLP"]];
  const ROLE_DISCIPLINE = { PT: "PT", PTA: "PT", OT: "OT", OTA: "OT", SLP: "SLP", SLPA: "SLP" };
  const DEBOUNCE_MS = 300;

  const $ = (id) => document.getElementById(id);

  /** Creates an element; children are nodes or strings (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) {
          continue;
        }
        if (k === "class") {
          node.className = v;
        } else if (k === "text") {
          node.textContent = v;
        } else {
          node.setAttribute(k, v === true ? "" : String(v));
        }
      }
    }
    for (const c of children) {
      if (c === undefined || c === null) {
        continue;
      }
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  // ------------------------------------------------------------------ talking to the API

  function headers(contentType) {
    const h = {};
    if (contentType) {
      h["Content-Type"] = contentType;
    }
    const token = sessionStorage.getItem("minutewise-token");
    if (token) {
      h["Authorization"] = "Bearer " + token;
    }
    const user = $("user-name").value.trim();
    if (user) {
      h["X-Minutewise-User"] = user.replace(/[^A-Za-z0-9 ._@-]/g, "").slice(0, 64);
    }
    return h;
  }

  /** Calls the API; resolves to {status, body} with body parsed as JSON (problem+json included). */
  async function api(method, path, contentType, body, signal) {
    const res = await fetch(path, { method, headers: headers(contentType), body, signal, credentials: "same-origin" });
    let parsed = null;
    const text = await res.text();
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch (e) {
      parsed = { title: "Unexpected answer", detail: "the service answered with something that is not JSON" };
    }
    if (res.status === 401) {
      $("token-box").classList.remove("hidden");
    }
    return { status: res.status, body: parsed };
  }

  // ------------------------------------------------------------------ the visit form

  function blockRow(values) {
    const v = values || {};
    const role = el("select", { class: "b-role", "aria-label": "Who treated (role)" });
    for (const r of ROLES) {
      role.appendChild(el("option", { value: r, selected: r === (v.role || "PT") }, r));
    }
    const mode = el("select", { class: "b-mode", "aria-label": "Mode" });
    for (const [value, label] of MODES) {
      mode.appendChild(el("option", { value, selected: value === (v.mode || "") }, label));
    }
    // The plan of care the line is billed under: the visit's, or another discipline's the same day.
    const plan = el("select", { class: "b-plan", "aria-label": "Plan of care of this line",
      title: "The plan of care this line is billed under (a PT and an OT plan the same day)" });
    for (const [value, label] of PLANS) {
      plan.appendChild(el("option", { value, selected: value === (v.plan || "") }, label));
    }
    // Choosing who treated fills the plan in when that clinician's discipline is not the visit's, and keeps it in
    // step with later choices until the user picks a plan by hand.
    if (v.planAuto) {
      plan.dataset.auto = "1";
    }
    role.addEventListener("change", () => {
      if (plan.value && !plan.dataset.auto) {
        return; // chosen by hand
      }
      const d = ROLE_DISCIPLINE[role.value];
      plan.value = d && d !== $("plan").value ? d : "";
      if (plan.value) {
        plan.dataset.auto = "1";
      } else {
        delete plan.dataset.auto;
      }
    });
    plan.addEventListener("change", () => { delete plan.dataset.auto; });
    const remove = el("button", { type: "button", class: "remove", title: "Remove this block",
      "aria-label": "Remove this block" }, "\u00d7");
    const row = el("tr", null,
      el("td", null, el("input", { class: "b-code", type: "text", maxlength: 5, "aria-label": "Code",
        placeholder: "e.g. 97112", value: v.code || "" })),
      el("td", null, el("input", { class: "b-minutes", type: "number", min: 0, max: 1440, "aria-label": "Minutes",
        value: v.minutes === undefined ? "" : v.minutes })),
      el("td", null, el("input", { class: "b-start", type: "time", "aria-label": "Start time", value: v.start || "" })),
      el("td", null, el("input", { class: "b-end", type: "time", "aria-label": "End time", value: v.end || "" })),
      el("td", null, role),
      el("td", null, el("input", { class: "b-provider", type: "text", maxlength: 64, "aria-label": "Provider id",
        placeholder: "T1", value: v.provider || "" })),
      el("td", null, el("input", { class: "b-supervisor", type: "text", maxlength: 64,
        "aria-label": "Supervising therapist id", value: v.supervisor || "" })),
      el("td", null, mode),
      el("td", null, plan),
      el("td", null, el("input", { class: "b-regions", type: "text", maxlength: 80,
        "aria-label": "Body regions treated (for manipulation, separated by ;)", placeholder: "lumbar",
        value: v.regions || "" })),
      el("td", null, remove));
    remove.addEventListener("click", () => {
      const body = row.parentNode;
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      if (!body.children.length) {
        body.appendChild(blockRow());
      }
      if (next) {
        next.querySelector("input").focus();
      } else {
        body.querySelector("input").focus();
      }
      scheduleCheck();
    });
    return row;
  }

  function addBlock(values, focus) {
    const row = blockRow(values);
    $("blocks").tBodies[0].appendChild(row);
    if (focus) {
      row.querySelector(".b-code").focus();
    }
    return row;
  }

  /**
   * The engine's paths in the form's words: "services[2]" is the form's row 3 (the service rows count from 1 on the
   * page, from 0 in the JSON), "services[code=97110]" the 97110 rows. The JSON path stays in the title.
   */
  function rowWords(text, rows) {
    // rows: the form's table row (from 0) of each service the check was given; without it (an uploaded file) the
    // services are counted as the file gives them.
    let out = String(text || "").replace(/services\[(\d+)\](\.(?=[a-z]))?/g, (m, n, dot) => {
      const row = rows ? rows[Number(n)] : undefined;
      return (row !== undefined ? "row " + (row + 1) : "service " + (Number(n) + 1)) + (dot ? ", " : "");
    }).replace(/services\[code=([A-Z0-9]+)\]/g, (m, c) => "the " + c + " " + (rows ? "rows" : "services"));
    for (const [field, label] of FIELD_LABELS) {
      out = out.split(field).join(label);
    }
    return out;
  }

  /** The visit JSON's fields by the form's labels (a problem's field said as the form says it). */
  const FORM_NAMES = { id: "Visit id", dateOfService: "Date of service", payer: "Payer", planOfCare: "Plan of care",
    setting: "Setting", "patient.id": "Patient id", totalTreatmentMinutes: "Total treatment minutes", note: "Note",
    diagnoses: "Diagnoses", "certification.from": "Certified from", "certification.to": "Certified to",
    "certification.physician": "Certifying physician", "certification.physicianNpi": "Certifying physician's NPI",
    "patient.yearToDate.PT_SLP": "Spend at this clinic so far this year, PT and SLP",
    "patient.yearToDate.OT": "Spend at this clinic so far this year, OT",
    "patient.outsideSpend.PT_SLP": "Plus spend at other providers this year, PT and SLP",
    "patient.outsideSpend.OT": "Plus spend at other providers this year, OT",
    abn: "Advance beneficiary notice", progressReport: "Progress report" };

  const quoted = (label) => "\u201c" + label + "\u201d";
  const quotedField = (field) => [field, quoted(FORM_NAMES[field])];

  /** The visit JSON's field names as the form labels them, longest first (a fix names the fields to fill in). */
  const FIELD_LABELS = [
    ["certification.from, .to", quoted(FORM_NAMES["certification.from"]) + " and "
      + quoted(FORM_NAMES["certification.to"])],
    ["certification.physician, .physicianNpi", quoted(FORM_NAMES["certification.physician"]) + " and "
      + quoted(FORM_NAMES["certification.physicianNpi"])],
    ...["certification.physicianNpi", "certification.physician", "certification.from", "certification.to",
      "patient.yearToDate.PT_SLP", "patient.yearToDate.OT"].map(quotedField),
    ["patient.yearToDate", quoted("Spend at this clinic so far this year")],
    ["patient.outsideSpend", quoted("Plus spend at other providers this year")],
    ...["totalTreatmentMinutes", "abn", "progressReport"].map(quotedField)];

  /** "09:55" plus 10 minutes: "10:05"; empty when it would pass midnight. */
  function plusMinutes(hhmm, minutes) {
    if (!Number.isInteger(minutes) || !/^\d\d:\d\d$/.test(hhmm || "")) {
      return ""; // the service says what is wrong with the minutes or the start
    }
    const [h, m] = hhmm.split(":").map(Number);
    const t = h * 60 + m + minutes;
    if (!(t <= 24 * 60) || Number.isNaN(t)) {
      return "";
    }
    const end = t === 24 * 60 ? "24:00" : String(Math.floor(t / 60)).padStart(2, "0") + ":" + String(t % 60).padStart(2, "0");
    return end;
  }

  /** The form row (from 0) of each service of a stored visit: fillForm gives each of its periods a row. */
  function storedRows(v) {
    const rows = [];
    let at = 0;
    for (const s of (v && v.services) || []) {
      rows.push(at);
      at += s.periods && s.periods.length ? s.periods.length : 1;
    }
    return rows;
  }

  function numberOrNull(text) {
    if (text === "" || text === null || text === undefined) {
      return null;
    }
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }

  /** The visit JSON of the README, from the form. */
  function visitFromForm() {
    const v = {
      id: $("visit-id").value.trim(),
      dateOfService: $("dos").value,
      payer: $("payer").value,
      planOfCare: $("plan").value,
      setting: $("setting").value,
      services: []
    };
    const patient = {};
    if ($("patient-id").value.trim()) {
      patient.id = $("patient-id").value.trim();
    }
    const ytdPt = numberOrNull($("ytd-ptslp").value);
    const ytdOt = numberOrNull($("ytd-ot").value);
    // Only the buckets filled in: a bucket left empty is the store's (a saved visit) or $0 (a check).
    if (ytdPt !== null || ytdOt !== null) {
      patient.yearToDate = {};
      if (ytdPt !== null) { patient.yearToDate.PT_SLP = ytdPt; }
      if (ytdOt !== null) { patient.yearToDate.OT = ytdOt; }
    }
    const outside = numberOrNull($("outside-ptslp").value);
    const outsideOt = numberOrNull($("outside-ot").value);
    if (outside !== null || outsideOt !== null) {
      patient.outsideSpend = {};
      if (outside !== null) { patient.outsideSpend.PT_SLP = outside; }
      if (outsideOt !== null) { patient.outsideSpend.OT = outsideOt; }
    }
    if (Object.keys(patient).length) {
      v.patient = patient;
    }
    const dx = $("diagnoses").value.split(/[,;\s]+/).map((s) => s.trim()).filter((s) => s);
    if (dx.length) {
      v.diagnoses = dx;
    }
    const total = numberOrNull($("total-minutes").value);
    if (total !== null) {
      v.totalTreatmentMinutes = total;
    }
    const cert = {};
    if ($("cert-from").value) { cert.from = $("cert-from").value; }
    if ($("cert-to").value) { cert.to = $("cert-to").value; }
    if ($("cert-physician").value.trim()) { cert.physician = $("cert-physician").value.trim(); }
    if ($("cert-npi").value.trim()) { cert.physicianNpi = $("cert-npi").value.trim(); }
    if (Object.keys(cert).length) {
      v.certification = cert;
    }
    if ($("abn").value) {
      const given = $("abn").value === "true";
      const saved = loaded && loaded.id === v.id ? loaded.abn : undefined;
      // The saved ABN as it was (an object may say more than given or not) when the form did not change it.
      v.abn = saved && typeof saved === "object" && saved.given === given ? saved : given;
    }
    if ($("progress-report").value) {
      v.progressReport = true;
    }
    const rows = $("blocks").tBodies[0].rows;
    v.serviceRows = [];
    // What the page itself finds wrong with a row before the service sees it: minutes (or an end time) without a
    // code would vanish from the check and the save, and a Minutes box the browser cannot read ("15-") is empty.
    v.rowProblems = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const codeBox = r.querySelector(".b-code");
      const minutesBox = r.querySelector(".b-minutes");
      const code = codeBox.value.trim().toUpperCase();
      const unreadable = Boolean(minutesBox.validity && minutesBox.validity.badInput);
      if (!code) {
        // A start alone is what Add block fills in: an empty row. Minutes or an end time are a service.
        const typed = minutesBox.value.trim();
        const endTyped = r.querySelector(".b-end").value;
        if (typed || unreadable || endTyped) {
          const startTyped = r.querySelector(".b-start").value;
          v.rowProblems.push({ row: i, box: codeBox, text: "Row " + (i + 1) + ": a code is needed for "
            + (typed ? "these " + typed + " minutes" : endTyped ? "the time " + (startTyped ? startTyped : "up to")
              + (startTyped ? "-" : " ") + endTyped : "this row") });
        }
        continue;
      }
      if (unreadable) {
        v.rowProblems.push({ row: i, box: minutesBox, text: "Row " + (i + 1)
          + ": minutes must be a whole number, like 15" });
        continue;
      }
      const s = { code, provider: { role: r.querySelector(".b-role").value } };
      const minutes = numberOrNull(minutesBox.value);
      if (minutes !== null) {
        s.minutes = minutes;
      }
      const start = r.querySelector(".b-start").value;
      let end = r.querySelector(".b-end").value;
      if (start && !end && minutes !== null && minutes > 0) {
        end = plusMinutes(start, minutes); // a start and the minutes: the end follows (empty past midnight)
      }
      if (start || end) {
        s.periods = [{ start, end }];
      }
      const provider = r.querySelector(".b-provider").value.trim();
      if (provider) {
        s.provider.id = provider;
      }
      const supervisor = r.querySelector(".b-supervisor").value.trim();
      if (supervisor) {
        s.provider.supervisorId = supervisor;
      }
      const mode = r.querySelector(".b-mode").value;
      if (mode) {
        s.mode = mode;
      }
      const plan = r.querySelector(".b-plan").value;
      if (plan) {
        s.discipline = plan;
      }
      const regions = r.querySelector(".b-regions").value.split(/[;,]/).map((x) => x.trim()).filter((x) => x);
      if (regions.length) {
        s.regions = regions;
      }
      const orig = rowOrigins.get(r);
      if (orig && loaded && loaded.id === v.id) {
        // What the row cannot show (the clinician's NPIs, the line's discipline and charge) stays as it was saved.
        const extras = Object.assign({}, orig.service);
        for (const k of ["code", "minutes", "periods", "provider", "mode", "discipline", "regions"]) {
          delete extras[k];
        }
        if (!orig.first) {
          delete extras.charge; // one charge per saved line, on its first row
        }
        Object.assign(s, extras, s);
        s.provider = Object.assign({}, orig.service.provider || {}, s.provider);
      }
      v.services.push(s);
      v.serviceRows.push(i);
    }
    const note = $("note").value;
    if (note.trim()) {
      v.note = note;
    }
    if (loaded && loaded.id === v.id) {
      // The opened visit's fields the form has no box for (billed lines, claim data, authorization, ...) are kept.
      for (const k of Object.keys(loaded)) {
        if (!FORM_FIELDS.includes(k)) {
          v[k] = loaded[k];
        }
      }
      if (v.patient || loaded.patient) {
        v.patient = Object.assign({}, loaded.patient || {}, v.patient || {});
      }
      if (v.certification || loaded.certification) {
        v.certification = Object.assign({}, loaded.certification || {}, v.certification || {});
      }
    }
    return v;
  }

  /** The visit fields the form shows; an opened visit's others are kept as they were ({@link visitFromForm}). */
  const FORM_FIELDS = ["id", "dateOfService", "payer", "planOfCare", "setting", "patient", "diagnoses",
    "totalTreatmentMinutes", "certification", "abn", "progressReport", "services", "note"];
  /** The saved visit opened in the form (its JSON), and each block's saved line. */
  let loaded = null;
  const rowOrigins = new WeakMap();

  function wireVisit(v) {
    const copy = Object.assign({}, v);
    delete copy.serviceRows;
    delete copy.rowProblems;
    return JSON.stringify(copy);
  }

  // ------------------------------------------------------------------ rendering results

  function severityClass(s) {
    return s === "block" || s === "warn" || s === "info" ? s : "info";
  }

  /**
   * The findings, worst first. On a saved visit ({@code savedId}) a warning or an information not yet accepted has a
   * button to accept it with the clinic's reason (recorded as a new version, with who and when).
   */
  function renderFindings(findings, savedId, rows, v) {
    if (!findings || !findings.length) {
      return el("p", { class: "hint" }, "No findings.");
    }
    const list = el("ul", { class: "findings" });
    for (const f of worstFirst(findings)) {
      const sev = severityClass(f.severity);
      const w = findingWords(f, rows, v);
      list.appendChild(el("li", { class: sev, "data-id": f.id },
        el("div", { class: "finding-head" },
          el("span", { class: "badge " + sev }, f.severity),
          el("span", { class: "finding-id" }, f.id),
          w.place ? el("span", { class: "finding-path", title: f.path }, w.place) : null),
        el("p", { class: "finding-message" }, w.message),
        el("p", { class: "finding-fix" }, w.fix),
        el("p", { class: "finding-cite" }, f.citation),
        f.overridden ? el("p", { class: "finding-override" }, "Accepted by the clinic: " + f.overrideReason) : null,
        savedId && !f.overridden && (sev === "warn" || sev === "info") && /^MW-[A-Z]\d{3}$/.test(f.id)
          ? acceptButton(savedId, f.id) : null));
    }
    return list;
  }

  function worstFirst(findings) {
    const order = { block: 0, warn: 1, info: 2 };
    return (findings || []).slice().sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3));
  }

  /**
   * A finding's place, message and fix in the form's words. A place in the note ("note[75:89]", offsets into the
   * note) is the phrase quoted; a message that opens by naming several codes ("97112 and 97110 ...") is about every
   * row of those codes, not only the first the path names.
   */
  function findingWords(f, rows, v) {
    const note = v && typeof v.note === "string" ? v.note : null;
    const phrase = (m, a, b) => {
      const from = Number(a);
      const to = Number(b);
      return note !== null && from < to && to <= note.length
        ? "the note: \u201c" + note.slice(from, to) + "\u201d"
        : "the note, characters " + (from + 1) + "-" + to;
    };
    let place = f.path ? rowWords(f.path, rows).replace(/note\[(\d+):(\d+)\]/g, phrase) : "";
    const named = /^([A-Z0-9]{5}(?:(?:, and |, | and )[A-Z0-9]{5})+)\b/.exec(f.message || "");
    if (named && v && Array.isArray(v.services) && /^services\[\d+\]$/.test(f.path || "")) {
      const codes = named[1].split(/, and |, | and /);
      const at = [];
      v.services.forEach((s, j) => {
        const row = rows && rows[j] !== undefined ? rows[j] : j;
        if (codes.includes(s.code) && !at.includes(row)) {
          at.push(row);
        }
      });
      at.sort((a, b) => a - b);
      if (at.length > 1) {
        const n = at.map((r) => String(r + 1));
        place = (rows ? "rows " : "services ") + n.slice(0, -1).join(", ") + " and " + n[n.length - 1];
      }
    }
    // The message quotes the phrase already: its offsets say nothing more.
    const message = rowWords(f.message, rows).replace(/ ?\(note\[\d+:\d+\]\)/g, "");
    return { place, message, fix: rowWords(f.fix, rows) };
  }

  function acceptButton(savedId, findingId) {
    const b = el("button", { type: "button", class: "secondary accept" }, "Accept with a reason\u2026");
    b.addEventListener("click", () => accept(savedId, findingId));
    return b;
  }

  /** Records the clinic's reason for accepting a finding of a saved visit, and shows the version that results. */
  async function accept(savedId, findingId) {
    const reason = (window.prompt("Why does the clinic accept " + findingId + " on visit " + savedId
      + "? (recorded in the visit's history)") || "").trim();
    if (!reason) {
      return;
    }
    const out = $("save-status");
    const report = $("report");
    let res;
    try {
      res = await api("POST", "/api/v1/visits/" + encodeURIComponent(savedId) + "/overrides", "application/json",
        JSON.stringify({ finding: findingId, reason }));
    } catch (e) {
      out.textContent = "The service did not answer; nothing was accepted.";
      return;
    }
    if (res.status === 201) {
      sequence++;
      freshReport();
      out.textContent = "Accepted " + findingId + "; saved " + savedId + " as version " + res.body.version + ".";
      report.appendChild(renderResult(res.body.result, visitFromForm(), savedId));
    } else {
      // The saved result stays; the refusal goes above it.
      out.textContent = "Not accepted.";
      report.insertBefore(renderProblem(res.body), report.firstChild);
    }
  }

  function modifiers(mods) {
    const span = el("span");
    (mods || []).forEach((m, i) => {
      if (i) {
        span.appendChild(document.createTextNode(" ")); // copied as "GP CQ GA", not "GPCQGA"
      }
      span.appendChild(el("span", { class: "modifier" }, m));
    });
    return span;
  }

  function money(n) {
    return typeof n === "number" ? "$" + n.toFixed(2) : "";
  }

  /** One visit's check: summary, units per code, explanation, claim preview, estimate, findings. */
  /**
   * What a printed result needs beside the claim lines (print only): the date, payer, patient, plan of care, the
   * diagnoses numbered as the lines' pointers name them, who furnished each service, and the note.
   */
  function printedVisit(v) {
    const box = el("div", { class: "print-only visit-summary" });
    box.appendChild(el("p", null, "Visit " + v.id + ", date of service " + v.dateOfService + ", payer " + v.payer
      + ", plan of care " + v.planOfCare + (v.patient && v.patient.id ? ", patient " + v.patient.id : "") + "."));
    if (v.diagnoses && v.diagnoses.length) {
      box.appendChild(el("p", null, "Diagnoses (the lines' pointers): "
        + v.diagnoses.map((d, i) => (i + 1) + ". " + d).join("; ") + "."));
    }
    const c = v.certification;
    const facts = [];
    if (v.totalTreatmentMinutes !== undefined) {
      facts.push("total treatment time " + v.totalTreatmentMinutes + " minutes");
    }
    if (c && (c.from || c.to || c.physician)) {
      facts.push("plan of care certified " + (c.from || "?") + " to " + (c.to || "?")
        + (c.physician ? " by " + c.physician + (c.physicianNpi ? " (NPI " + c.physicianNpi + ")" : "") : ""));
    }
    if (facts.length) {
      box.appendChild(el("p", null, facts.join("; ").replace(/^./, (x) => x.toUpperCase()) + "."));
    }
    const rows = el("tbody");
    for (const s of v.services) {
      const when = s.periods ? s.periods.map((p) => p.start + "-" + p.end).join(", ") : "";
      const who = s.provider.role + (s.provider.id ? " " + s.provider.id : "")
        + (s.provider.supervisorId ? ", supervised by " + s.provider.supervisorId : "")
        + (s.mode ? ", " + s.mode : "") + (s.discipline ? ", " + s.discipline + " plan" : "");
      rows.appendChild(el("tr", null, el("td", null, s.code), el("td", { class: "num" },
        s.minutes !== undefined ? String(s.minutes) : ""), el("td", null, when), el("td", null, who)));
    }
    box.appendChild(el("table", { class: "units-table" }, el("thead", null, el("tr", null, el("th", null, "Code"),
      el("th", { class: "num" }, "Minutes"), el("th", null, "Times"), el("th", null, "Furnished by"))), rows));
    if (v.note) {
      box.appendChild(el("p", { class: "note-print" }, "Note: " + v.note));
    }
    return box;
  }

  function renderResult(r, v, savedId) {
    const box = el("div", { class: "result", "data-visit": r.visitId });
    if (v) {
      box.appendChild(printedVisit(v));
    }
    const blocks = (r.findings || []).filter((f) => f.severity === "block").length;
    // Rows the page could not send (minutes without a code) are not in this check: nothing may be said to be clear.
    const incomplete = v && v.rowProblems && v.rowProblems.length ? rowProblemsText(v) : "";
    box.appendChild(el("p", { class: "summary-line" },
      el("strong", null, String(r.totalUnits) + (r.totalUnits === 1 ? " unit" : " units")),
      " for visit " + r.visitId + " (" + r.payer + ", " + (r.method === "cpt" ? "CPT per-code" : "CMS total-time")
        + " method, " + r.totalTimedMinutes + " timed minutes). ",
      r.blocked ? el("span", { class: "blocked-banner" }, blocks + " blocking finding" + (blocks === 1 ? "" : "s")
        + ": fix before sending." + (incomplete ? " Not complete: " + incomplete + "." : ""))
        : incomplete ? el("span", { class: "blocked-banner incomplete" }, "Not complete: "
          + incomplete + "; those rows are not in this check.")
          : el("span", { class: "ok-banner" }, "Nothing blocks the claim.")));
    if (r.yearToDateSource === "store" && v && v.patient && v.patient.id) {
      box.appendChild(el("p", { class: "hint ytd-source" }, "Year-to-date spend before this visit: from the saved "
        + "visits of patient " + v.patient.id + " (the boxes left empty)."));
    }
    const copy = el("button", { type: "button", class: "secondary copy-explanation",
      title: "Copy this result as plain text, for an appeal or a note" }, "Copy explanation");
    const copied = el("span", { class: "hint copy-status", role: "status" });
    copy.addEventListener("click", () => copyText(explanationText(r, v), copied));
    box.appendChild(el("p", { class: "copy-line" }, copy, " ", copied));

    box.appendChild(el("h3", null, "Units per code"));
    const units = el("table", { class: "units-table" },
      el("thead", null, el("tr", null, el("th", null, "Code"), el("th", { class: "num" }, "Minutes"),
        el("th", { class: "num" }, "Units"), el("th", null, "Kind"))));
    const ub = el("tbody");
    for (const l of r.lines || []) {
      ub.appendChild(el("tr", { "data-code": l.code }, el("td", null, l.code), el("td", { class: "num" }, l.minutes),
        el("td", { class: "num units" }, l.units), el("td", null, l.kind)));
    }
    units.appendChild(ub);
    box.appendChild(units);

    box.appendChild(el("h3", null, "Why"));
    const ol = el("ol", { class: "explanation" });
    for (const line of r.explanation || []) {
      ol.appendChild(el("li", null, rowWords(line, v && v.serviceRows)));
    }
    box.appendChild(ol);

    box.appendChild(el("h3", null, "Claim preview"));
    const claim = el("table", { class: "claim-table" },
      el("thead", null, el("tr", null, el("th", null, "Code"), el("th", null, "Modifiers"),
        el("th", { class: "num" }, "Units"), el("th", null, "Dx"), el("th", { class: "num" }, "Charge"),
        el("th", null, "Rendering"))));
    const cb = el("tbody");
    for (const l of r.claimLines || []) {
      cb.appendChild(el("tr", null, el("td", null, l.code), el("td", null, modifiers(l.modifiers)),
        el("td", { class: "num" }, l.units), el("td", null, (l.diagnosisPointers || []).join(",")),
        el("td", { class: "num" }, money(l.charge)),
        el("td", null, (l.renderingProvider || "") + (l.assistant ? " (assistant " + l.assistant + ")" : ""))));
    }
    if (!(r.claimLines || []).length) {
      cb.appendChild(el("tr", null, el("td", { colspan: 6, class: "hint" }, "No claim lines.")));
    }
    claim.appendChild(cb);
    box.appendChild(claim);
    if (r.estimate && r.estimate.available && r.estimate.feeScheduleOnly) {
      box.appendChild(el("p", { class: "hint" }, "Estimate: fee schedule allowed " + money(r.estimate.totalAllowed)
        + " (what the KX threshold counts, not the payment). " + r.estimate.label));
    } else if (r.estimate && r.estimate.available) {
      box.appendChild(el("p", { class: "hint" }, "Estimate: allowed " + money(r.estimate.totalAllowed)
        + ", Medicare pays " + money(r.estimate.medicarePays) + ", patient " + money(r.estimate.patientCoinsurance)
        + ". " + r.estimate.label));
    }

    box.appendChild(el("h3", null, "Findings"));
    box.appendChild(renderFindings(r.findings, savedId, v && v.serviceRows, v));
    return box;
  }

  /** The citation of each unit method (RULES.md §3.1 and §3.2). */
  const METHOD_CITATION = { cms: "CMS Pub 100-04 ch. 5 \u00a720.2", cpt: "CPT time rule (RULES.md \u00a73.2)" };

  /**
   * A result as plain text for an appeal: the visit, its diagnoses, each claim line ("97530 GP CQ GA x 1"), the unit
   * method with its citation and why, and each finding with its id, severity, message, fix and citation.
   */
  function explanationText(r, v) {
    const out = [];
    const head = ["Visit " + r.visitId];
    if (v && v.dateOfService) {
      head.push("date of service " + v.dateOfService);
    }
    head.push("payer " + r.payer);
    if (v && v.planOfCare) {
      head.push("plan of care " + v.planOfCare);
    }
    if (v && v.patient && v.patient.id) {
      head.push("patient " + v.patient.id);
    }
    out.push(head.join(", ") + ".");
    if (v && v.diagnoses && v.diagnoses.length) {
      out.push("Diagnoses: " + v.diagnoses.map((d, i) => (i + 1) + ". " + d).join("; ") + ".");
    }
    out.push("");
    out.push("Claim lines:");
    for (const l of r.claimLines || []) {
      const extra = [];
      if ((l.diagnosisPointers || []).length) {
        extra.push("diagnosis " + l.diagnosisPointers.join(","));
      }
      if (typeof l.charge === "number") {
        extra.push("charge " + money(l.charge));
      }
      if (l.renderingProvider) {
        extra.push("rendering " + l.renderingProvider);
      }
      if (l.assistant) {
        extra.push("assistant " + l.assistant);
      }
      out.push([l.code].concat(l.modifiers || []).join(" ") + " x " + l.units
        + (extra.length ? " (" + extra.join("; ") + ")" : ""));
    }
    if (!(r.claimLines || []).length) {
      out.push("No claim lines.");
    }
    out.push("");
    out.push("Units: " + r.totalUnits + (r.totalUnits === 1 ? " unit" : " units") + " by the "
      + (r.method === "cpt" ? "CPT per-code method" : "CMS total-time method (the Medicare 8-minute rule)") + ", "
      + r.totalTimedMinutes + " timed minutes [" + (METHOD_CITATION[r.method] || METHOD_CITATION.cms) + "].");
    for (const line of r.explanation || []) {
      out.push("- " + rowWords(line, v && v.serviceRows));
    }
    out.push("");
    const findings = worstFirst(r.findings);
    out.push(findings.length ? "Findings:" : "Findings: none.");
    for (const f of findings) {
      const w = findingWords(f, v && v.serviceRows, v);
      out.push(f.id + " (" + f.severity + (w.place ? ", " + w.place : "") + "): " + w.message);
      if (w.fix) {
        out.push("  Fix: " + w.fix);
      }
      if (f.citation) {
        out.push("  Citation: " + f.citation);
      }
      if (f.overridden) {
        out.push("  Accepted by the clinic: " + f.overrideReason);
      }
    }
    return out.join("\n") + "\n";
  }

  /** Puts text on the clipboard (the older way where the Clipboard API is not there) and says so. */
  async function copyText(text, status) {
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        await navigator.clipboard.writeText(text);
      } else {
        const area = el("textarea", { class: "visually-hidden", readonly: true });
        area.value = text;
        document.body.appendChild(area);
        area.select();
        const done = document.execCommand("copy");
        area.remove();
        if (!done) {
          throw new Error("copy refused");
        }
      }
      status.textContent = "Copied.";
    } catch (e) {
      status.textContent = "The browser did not allow copying; select the text instead.";
    }
  }

  /** Each part of a service a problem may name: the block's box for it, and its name in the form's words. */
  const SERVICE_PARTS = { code: [".b-code", "code"], minutes: [".b-minutes", "minutes"],
    periods: [".b-start", "start time"], end: [".b-end", "end time"], provider: [".b-role", "who treated"],
    mode: [".b-mode", "mode"], discipline: [".b-plan", "plan of care"], regions: [".b-regions", "regions"] };

  /**
   * A problem's field about a service ("services[1].periods[0].end"): the service's index in the request and the
   * part named (a key of SERVICE_PARTS, "end" for a period's end, "" for none); null for another field.
   */
  function serviceField(field) {
    const m = /^services\[(\d+)\](?:\.(\w+))?(?:\[\d+\])?(?:\.(\w+))?/.exec(field || "");
    if (!m) {
      return null;
    }
    const part = m[2] === "periods" && m[3] === "end" ? "end" : SERVICE_PARTS[m[2]] ? m[2] : "";
    return { index: Number(m[1]), part };
  }

  /**
   * A problem's field in the form's words: "service row 2, end time (services[1].periods[0].end)". Rows count from
   * 1 as the table shows them; serviceRows maps the request's services to the table's rows (blank rows skipped).
   */
  function describeField(field, serviceRows) {
    const name = formName(field, serviceRows);
    if (name === field) {
      return field;
    }
    return (serviceField(field) ? formName(field, serviceRows, "service row ") : name) + " (" + field + ")";
  }


  /**
   * A field's name on the form: "Diagnoses, code 2" for diagnoses[1], "Row 1, end time" for a period's end (its row
   * named with rowWord, "Row " unless given).
   */
  function formName(field, serviceRows, rowWord) {
    if (FORM_NAMES[field]) {
      return FORM_NAMES[field];
    }
    const dx = /^diagnoses\[(\d+)\]/.exec(field || "");
    if (dx) {
      return "Diagnoses, code " + (Number(dx[1]) + 1);
    }
    const f = serviceField(field);
    if (f) {
      const row = serviceRows && serviceRows[f.index] !== undefined ? serviceRows[f.index] : f.index;
      return (rowWord || "Row ") + (row + 1) + (f.part ? ", " + SERVICE_PARTS[f.part][1] : "");
    }
    return field || "";
  }

  /** A problem's detail in the form's words, for the line under the field. */
  function formDetail(field, detail) {
    const f = serviceField(field);
    const d = String(detail || "");
    if (/must not be empty/.test(d)) {
      if (f && f.part === "end") {
        return "the end time is needed (or leave both times empty and type the minutes)";
      }
      if (f && f.part === "periods") {
        return "the start time is needed (or leave both times empty and type the minutes)";
      }
      return "this is needed";
    }
    const empty = /^expected (.+), got ""$/.exec(d);
    if (empty) {
      return "this is needed (" + empty[1] + ")";
    }
    if (f && /"billed"/.test(d)) {
      return "type the minutes, or a start and an end time";
    }
    return d;
  }

  function renderProblem(p, serviceRows) {
    const box = el("div", { class: "problem", role: "alert" },
      el("strong", null, (p && p.title) || "Refused"), ": ",
      (p && p.field ? formDetail(p.field, p.detail) : p && p.detail) || "");
    if (p && p.field) {
      box.appendChild(el("div", null, "Where: ", el("span", { class: "field" }, describeField(p.field, serviceRows))));
    }
    if (p && Array.isArray(p.errors)) {
      const ul = el("ul");
      for (const e of p.errors) {
        ul.appendChild(el("li", null, el("span", { class: "field" }, e.field), ": " + e.detail));
      }
      box.appendChild(ul);
    }
    return box;
  }

  let fieldErrorSequence = 0;

  /**
   * A one-line message under a form field (a block's, under the blocks table), tied to the field by
   * aria-describedby, and the field marked invalid.
   */
  function fieldMessage(node, text) {
    if (!node) {
      return;
    }
    node.classList.add("invalid");
    node.setAttribute("aria-invalid", "true");
    const id = "field-error-" + (++fieldErrorSequence);
    if (node.closest("#blocks")) {
      $("block-errors").appendChild(el("p", { class: "field-error", id }, text));
    } else {
      // Inside the field's label, kept out of the label's name (aria-hidden) but read as its description.
      node.insertAdjacentElement("afterend", el("span", { class: "field-error", id,
        "aria-hidden": node.closest("label") ? "true" : null }, text));
    }
    const described = (node.getAttribute("aria-describedby") || "").split(/\s+/).filter((x) => x);
    described.push(id);
    node.setAttribute("aria-describedby", described.join(" "));
    const details = node.closest("details");
    if (details) {
      details.open = true;
    }
  }

  /** Takes every field's mark and message away. */
  function clearFieldMessages() {
    for (const n of document.querySelectorAll(".invalid")) {
      n.classList.remove("invalid");
      n.removeAttribute("aria-invalid");
    }
    for (const n of document.querySelectorAll("[aria-describedby]")) {
      const kept = n.getAttribute("aria-describedby").split(/\s+/).filter((x) => x && !x.startsWith("field-error-"));
      if (kept.length) {
        n.setAttribute("aria-describedby", kept.join(" "));
      } else {
        n.removeAttribute("aria-describedby");
      }
    }
    for (const m of document.querySelectorAll(".field-error")) {
      m.remove();
    }
  }

  /** The rows' problems in one line ("Row 2: a code is needed for these 23 minutes; ..."). */
  function rowProblemsText(v) {
    return v.rowProblems.map((p) => p.text).join("; ");
  }

  /** The page's own problems with the rows (a code missing for minutes, minutes not a number), at their boxes. */
  function markRows(v) {
    for (const p of (v && v.rowProblems) || []) {
      fieldMessage(p.box, p.text);
    }
  }

  /**
   * Marks the form field a problem names (services[i].minutes and the like) with the problem in the form's words
   * under it; no field, no mark. The rows' own problems are marked again after.
   */
  function markField(field, serviceRows, detail, v) {
    clearFieldMessages();
    if (field) {
      markOne(field, serviceRows, detail);
    }
    markRows(v);
  }

  function markOne(field, serviceRows, detail) {
    const mark = (node) => {
      const name = formName(field, serviceRows);
      fieldMessage(node, detail !== undefined ? name + ": " + formDetail(field, detail) : name);
    };
    const simple = { id: "visit-id", dateOfService: "dos", payer: "payer", planOfCare: "plan", setting: "setting",
      totalTreatmentMinutes: "total-minutes", "patient.id": "patient-id", note: "note" };
    if (simple[field]) {
      mark($(simple[field]));
      return;
    }
    if (field.startsWith("diagnoses")) {
      mark($("diagnoses"));
      return;
    }
    if (field.startsWith("certification")) {
      const certField = { "certification.to": "cert-to", "certification.physician": "cert-physician",
        "certification.physicianNpi": "cert-npi" }[field] || "cert-from";
      mark($(certField));
      return;
    }
    const f = serviceField(field);
    if (f) {
      const row = $("blocks").tBodies[0].rows[serviceRows ? serviceRows[f.index] : f.index];
      if (!row) {
        return;
      }
      mark(row.querySelector(SERVICE_PARTS[f.part || "code"][0]));
    }
  }

  // ------------------------------------------------------------------ live check as you type

  let timer = null;
  let inflight = null;
  let sequence = 0;
  let lastVisit = null;

  function scheduleCheck() {
    clearTimeout(timer);
    timer = setTimeout(checkNow, DEBOUNCE_MS);
  }

  /** The results panel emptied for what comes next (and no longer marked as not current). */
  function freshReport() {
    const report = $("report");
    clear(report);
    report.classList.remove("stale");
    return report;
  }

  /**
   * The service did not answer: what is on screen is for the earlier entries. Said above it, greyed, and printed so
   * (a printout must not pass it off as the check of what is typed now).
   */
  function markStale() {
    const report = $("report");
    if (report.querySelector(".stale-banner")) {
      return;
    }
    report.classList.add("stale");
    report.insertBefore(el("div", { class: "stale-banner", role: "alert" }, el("strong", null, "Not checked:"),
      report.querySelector(".result, .problem")
        ? " the service did not answer; these results are for the earlier entries, not for what is typed now."
        : " the service did not answer."), report.firstChild);
  }

  /** The query of a check: a known patient's year-to-date spend the visit leaves empty comes from the store. */
  function checkPath(v) {
    return "/api/v1/check" + (v.patient && v.patient.id ? "?spend=store" : "");
  }

  async function checkNow() {
    const v = visitFromForm();
    const report = $("report");
    const status = $("check-status");
    if (!v.services.length) {
      freshReport();
      report.appendChild(el("p", { class: "hint" }, v.rowProblems.length ? "Not checked: "
        + rowProblemsText(v) + "." : "Add a service block (a code with its minutes or "
        + "times) to see the units, the claim lines and the findings."));
      status.textContent = "";
      markField(null, null, undefined, v);
      return;
    }
    if (inflight) {
      inflight.abort();
    }
    inflight = new AbortController();
    const mine = ++sequence;
    status.textContent = "checking\u2026";
    try {
      const res = await api("POST", checkPath(v), "application/json", wireVisit(v), inflight.signal);
      if (mine !== sequence) {
        return;
      }
      freshReport();
      if (res.status === 200) {
        lastVisit = v;
        markField(null, null, undefined, v);
        report.appendChild(renderResult(res.body, v));
        // What a screen reader hears after each pause in typing: the gist, not the whole report again.
        const blocking = (res.body.findings || []).filter((f) => f.severity === "block").length;
        status.textContent = res.body.totalUnits + (res.body.totalUnits === 1 ? " unit" : " units") + ", "
          + (blocking ? blocking + " blocking finding" + (blocking === 1 ? "" : "s")
            : v.rowProblems.length ? "not complete: " + rowProblemsText(v)
              : "nothing blocks")
          + " (updated " + new Date().toLocaleTimeString() + ")";
      } else {
        markField(res.body && res.body.field, v.serviceRows, res.body && res.body.detail, v);
        report.appendChild(renderProblem(res.body, v.serviceRows));
        status.textContent = "";
      }
    } catch (e) {
      if (e.name !== "AbortError" && mine === sequence) {
        status.textContent = "not checked: the service did not answer";
        markStale();
      }
    }
  }

  /**
   * Stops the live check (the one scheduled and the one on its way) so that what comes next owns the results; the
   * sequence number it takes tells a later answer whether it is still the newest.
   */
  function takeOver() {
    clearTimeout(timer);
    if (inflight) {
      inflight.abort();
      inflight = null;
    }
    $("check-status").textContent = "";
    return ++sequence;
  }

  /** What each visit id was last saved or opened with on this page: its date of service and patient. */
  const savedAs = new Map();

  function remember(v) {
    savedAs.set(v.id, { dateOfService: v.dateOfService || "", patient: (v.patient && v.patient.id) || "" });
  }

  /**
   * Saving again under a saved visit's id with another date of service or patient makes a new version of that visit
   * (the earlier date is then only in its history): asked first. True to go on.
   */
  function confirmNewVersion(v) {
    const before = savedAs.get(v.id);
    if (!before) {
      return true;
    }
    const patient = (v.patient && v.patient.id) || "";
    const changes = [];
    if (before.dateOfService !== (v.dateOfService || "")) {
      changes.push("the date of service from " + (before.dateOfService || "none") + " to "
        + (v.dateOfService || "none"));
    }
    if (before.patient !== patient) {
      changes.push("the patient from " + (before.patient || "none") + " to " + (patient || "none"));
    }
    if (!changes.length) {
      return true;
    }
    return window.confirm("Visit " + v.id + " is saved already. Saving now makes a new version of it that changes "
      + changes.join(" and ") + "; the earlier one stays only in its history. For another visit, cancel and use "
      + "New visit. Save a new version of " + v.id + "?");
  }

  async function save() {
    const v = visitFromForm();
    const out = $("save-status");
    if (v.rowProblems.length) {
      // Minutes without a code would be saved as if never given.
      out.textContent = "Not saved: " + rowProblemsText(v) + ".";
      markField(null, null, undefined, v);
      return;
    }
    if (!confirmNewVersion(v)) {
      out.textContent = "Not saved: " + v.id + " keeps its date of service and patient. New visit starts another.";
      return;
    }
    // The saved result is what stays on screen: a check the click's blur scheduled, or one on its way, would
    // replace it (and hide what only the store knows, such as an overlap with a saved visit, MW-A001).
    const mine = takeOver();
    out.textContent = "saving\u2026";
    try {
      const res = await api("POST", "/api/v1/visits", "application/json", wireVisit(v));
      if (mine !== sequence) {
        // Edited while saving: the newer check stands; the save itself went through.
        out.textContent = res.status === 201 ? "Saved " + res.body.visitId + " as version " + res.body.version
          + " (since edited)." : "Not saved.";
        return;
      }
      if (res.status === 201) {
        remember(v);
        out.textContent = "Saved " + res.body.visitId + " as version " + res.body.version + ".";
        markField(null);
        freshReport().appendChild(renderResult(res.body.result, v, res.body.visitId));
      } else {
        out.textContent = "Not saved.";
        markField(res.body && res.body.field, v.serviceRows, res.body && res.body.detail);
        freshReport().appendChild(renderProblem(res.body, v.serviceRows));
      }
    } catch (e) {
      out.textContent = "Not saved: the service did not answer.";
    }
  }

  /** A visit id of its own, so two billers' new visits never become versions of one another. */
  function freshVisitId() {
    return "V-" + $("dos").value.replace(/-/g, "") + "-" + Math.random().toString(36).slice(2, 8).toUpperCase();
  }

  /**
   * Starts the next visit: a new id, the visit's own entries cleared (patient, diagnoses, minutes, note,
   * certification, spend, ABN, progress report, the blocks); what a therapist keeps from one visit to the next
   * stays (payer, plan of care, setting, date of service, the first block's clinician, the user's name).
   */
  function newVisit() {
    takeOver();
    const first = $("blocks").tBodies[0].rows[0];
    const keep = first ? { role: first.querySelector(".b-role").value,
      provider: first.querySelector(".b-provider").value,
      supervisor: first.querySelector(".b-supervisor").value } : { role: $("plan").value };
    for (const id of ["patient-id", "diagnoses", "total-minutes", "note", "cert-from", "cert-to", "cert-physician",
      "cert-npi", "ytd-ptslp", "ytd-ot", "outside-ptslp", "outside-ot", "abn", "progress-report"]) {
      setValue(id, "");
    }
    $("note-limit").textContent = "";
    loaded = null;
    $("visit-id").value = freshVisitId();
    const body = $("blocks").tBodies[0];
    clear(body);
    addBlock(keep);
    markField(null);
    freshReport();
    checkNow();
    $("save-status").textContent = "New visit " + $("visit-id").value + " (payer, plan of care, setting, date "
      + "and clinician kept).";
    $("patient-id").focus();
  }

  /** Loads the saved visit whose id is in the Visit id box into the form, with its saved result. */
  async function openVisit() {
    const id = $("visit-id").value.trim();
    const out = $("save-status");
    if (!id) {
      out.textContent = "Enter the id of a saved visit in Visit id.";
      return;
    }
    const mine = takeOver();
    let res;
    try {
      res = await api("GET", "/api/v1/visits/" + encodeURIComponent(id));
    } catch (e) {
      out.textContent = "The service did not answer.";
      return;
    }
    if (mine !== sequence) {
      return; // edited meanwhile: the form is the user's
    }
    const report = freshReport();
    if (res.status === 200) {
      fillForm(res.body.visit);
      remember(res.body.visit);
      out.textContent = "Opened " + id + ", version " + res.body.version + ".";
      markField(null);
      // The saved result numbers the stored visit's services; the form has a row per period of each.
      const opened = Object.assign({}, visitFromForm(), { serviceRows: storedRows(res.body.visit) });
      report.appendChild(renderResult(res.body.result, opened, id));
    } else {
      out.textContent = "Not opened.";
      report.appendChild(renderProblem(res.body));
    }
  }

  function setValue(id, value) {
    $(id).value = value === undefined || value === null ? "" : String(value);
  }

  /** The form from a stored visit (its JSON as saved): one service block per period (or per line without times). */
  function fillForm(v) {
    setValue("visit-id", v.id);
    setValue("dos", v.dateOfService);
    setValue("payer", v.payer);
    setValue("plan", v.planOfCare);
    setValue("setting", v.setting || "private-practice");
    const p = v.patient || {};
    setValue("patient-id", p.id);
    setValue("ytd-ptslp", p.yearToDate && p.yearToDate.PT_SLP);
    setValue("ytd-ot", p.yearToDate && p.yearToDate.OT);
    setValue("outside-ptslp", p.outsideSpend && p.outsideSpend.PT_SLP);
    setValue("outside-ot", p.outsideSpend && p.outsideSpend.OT);
    setValue("diagnoses", (v.diagnoses || []).join(", "));
    setValue("total-minutes", v.totalTreatmentMinutes);
    const c = v.certification || {};
    setValue("cert-from", c.from);
    setValue("cert-to", c.to);
    setValue("cert-physician", c.physician);
    setValue("cert-npi", c.physicianNpi);
    // An ABN may be saved as true/false or as {"given": true, ...}.
    const abn = v.abn && typeof v.abn === "object" ? v.abn.given : v.abn;
    setValue("abn", abn === undefined || abn === null ? "" : String(abn));
    setValue("progress-report", v.progressReport ? "true" : "");
    setValue("note", v.note);
    const body = $("blocks").tBodies[0];
    clear(body);
    for (const s of v.services || []) {
      const pr = s.provider || {};
      const base = { code: s.code, role: pr.role, provider: pr.id, supervisor: pr.supervisorId, mode: s.mode,
        plan: (s.discipline || "").toUpperCase(), regions: (s.regions || []).join("; ") };
      const periods = s.periods && s.periods.length ? s.periods : [null];
      periods.forEach((per, k) => {
        // Stated minutes go with a line of one period (or none); over several periods the times decide.
        const minutes = periods.length === 1 && s.minutes !== undefined ? s.minutes : undefined;
        // An end the form worked out from the start and the minutes stays worked out: the box is left empty.
        const derived = per && minutes !== undefined && per.end === plusMinutes(per.start, minutes);
        const row = addBlock(Object.assign({}, base, { minutes,
          start: per ? per.start : "", end: per && !derived ? per.end : "" }));
        rowOrigins.set(row, { service: s, first: k === 0 });
      });
    }
    loaded = v;
    if (!body.children.length) {
      addBlock({ role: $("plan").value });
    }
  }

  // ------------------------------------------------------------------ code lookup, search and ask

  /** The ids the knowledge endpoint takes (the same check as the API's: anything else is a 400). */
  const CARD_ID = /^[A-Za-z0-9.\-]{1,64}$/;

  /** A button that looks a card up by its id (in the lookup section), for lists of cards and suggestions. */
  function cardButton(id) {
    const b = el("button", { type: "button", class: "card-link", "data-card": id,
      title: "Look up " + id }, id);
    b.addEventListener("click", () => { showCard(id, true); });
    return b;
  }

  /** A list of cards as the API gives them ({kind, id, title, citation, summary?}), each id a lookup button. */
  function cardList(cards, withSummary) {
    const list = el("ol", { class: "cards" });
    for (const c of cards || []) {
      const li = el("li", { "data-id": c.id }, cardButton(c.id), " ",
        el("span", { class: "card-kind" }, c.kind), " ", el("span", { class: "card-title" }, c.title));
      if (withSummary && c.summary) {
        li.appendChild(el("div", { class: "card-summary" }, c.summary));
      }
      if (c.citation) {
        li.appendChild(el("div", { class: "card-cite" }, "Source: " + c.citation));
      }
      list.appendChild(li);
    }
    return list;
  }

  /** A whole knowledge card: title, summary, its facts under their topics (pairs, limits...), its sources. */
  function renderCard(query, c) {
    const box = el("article", { class: "code-card", "data-id": c.id, "aria-labelledby": "card-title" });
    if (c.id.toUpperCase() !== query.toUpperCase()) {
      box.appendChild(el("p", { class: "card-in" }, query.toUpperCase() + " is in " + c.id + ":"));
    }
    box.appendChild(el("h3", { id: "card-title" }, el("span", { class: "card-id" }, c.id), " ",
      el("span", { class: "card-kind" }, c.kind), " ", c.title));
    box.appendChild(el("p", { class: "card-summary" }, c.summary));
    // Each topic once, in the order it first comes, with all its facts (as the CLI's lookup prints them).
    const topics = new Map();
    for (const f of c.facts || []) {
      if (!topics.has(f.topic)) {
        topics.set(f.topic, []);
      }
      topics.get(f.topic).push(f.text);
    }
    for (const [topic, texts] of topics) {
      const slug = topic.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      const part = el("div", { class: "card-topic", "data-topic": slug },
        el("h4", null, topic));
      const ul = el("ul");
      for (const t of texts) {
        ul.appendChild(el("li", null, t));
      }
      part.appendChild(ul);
      box.appendChild(part);
    }
    const sources = el("div", { class: "card-sources" }, el("h4", null, "Sources"));
    const ul = el("ul");
    for (const src of c.sources && c.sources.length ? c.sources : [c.citation]) {
      ul.appendChild(el("li", null, src));
    }
    sources.appendChild(ul);
    box.appendChild(sources);
    return box;
  }

  let lookupSequence = 0;

  /** Looks a card up by its id and shows it (or what is nearest) in the lookup section. */
  async function showCard(query, fromList) {
    const out = $("code-result");
    const q = query.trim();
    if (fromList) {
      $("code-query").value = q;
    }
    clear(out);
    if (!q) {
      return;
    }
    const mine = ++lookupSequence;
    if (!CARD_ID.test(q)) {
      // Words are not an id: say so and offer the search, which takes words.
      const box = renderProblem({ title: "Not an id", detail: "\u201c" + q + "\u201d is not a code, modifier, "
        + "finding, ICD-10-CM code or topic id (like 97112, GP, MW-U003, I69.351 or cms-total-time)" });
      const b = el("button", { type: "button", class: "secondary" }, "Search for \u201c" + q + "\u201d");
      b.addEventListener("click", () => { runSearch(q, true); });
      box.appendChild(el("div", null, b));
      out.appendChild(box);
      return;
    }
    out.appendChild(el("p", { class: "hint" }, "Looking up " + q + "\u2026"));
    let res;
    try {
      res = await api("GET", "/api/v1/knowledge/" + encodeURIComponent(q));
    } catch (e) {
      res = { status: 0, body: { title: "No answer", detail: "the service did not answer" } };
    }
    if (mine !== lookupSequence) {
      return; // a newer lookup is on its way
    }
    clear(out);
    if (res.status === 200 && res.body && res.body.card) {
      out.appendChild(renderCard(res.body.query || q, res.body.card));
    } else if (res.status === 404 && res.body && Array.isArray(res.body.suggestions)) {
      const box = el("div", { class: "not-found" },
        el("p", null, el("strong", null, q), ": not in the Minutewise knowledge base."));
      if (res.body.suggestions.length) {
        box.appendChild(el("p", null, "Nearest:"));
        box.appendChild(cardList(res.body.suggestions, false));
      }
      out.appendChild(box);
    } else {
      out.appendChild(renderProblem(res.body));
    }
    if (fromList) {
      $("lookup").scrollIntoView({ block: "nearest" });
    }
  }

  function lookup(ev) {
    ev.preventDefault();
    showCard($("code-query").value, false);
  }

  let searchSequence = 0;

  /** Searches the knowledge base in the user's words and lists the best cards. */
  async function runSearch(text, fill) {
    const q = text.trim();
    const out = $("search-result");
    if (fill) {
      $("search-query").value = q;
      $("search").scrollIntoView({ block: "nearest" });
    }
    clear(out);
    if (!q) {
      return;
    }
    const mine = ++searchSequence;
    let res;
    try {
      res = await api("GET", "/api/v1/search?q=" + encodeURIComponent(q) + "&limit=10");
    } catch (e) {
      res = { status: 0, body: { title: "No answer", detail: "the service did not answer" } };
    }
    if (mine !== searchSequence) {
      return;
    }
    if (res.status !== 200) {
      out.appendChild(renderProblem(res.body));
      return;
    }
    const cards = res.body.cards || [];
    out.appendChild(el("p", { class: "summary-line" }, cards.length
      ? cards.length + " card" + (cards.length === 1 ? "" : "s") + " for \u201c" + q + "\u201d, best first:"
      : "No card matches \u201c" + q + "\u201d: try other words, or ask a question below."));
    if (cards.length) {
      out.appendChild(cardList(cards, true));
    }
  }

  function search(ev) {
    ev.preventDefault();
    runSearch($("search-query").value, false);
  }

  async function ask(ev) {
    ev.preventDefault();
    const q = $("ask-query").value.trim();
    const out = $("ask-result");
    clear(out);
    if (!q) {
      return;
    }
    const res = await api("GET", "/api/v1/ask?q=" + encodeURIComponent(q));
    if (res.status !== 200) {
      out.appendChild(renderProblem(res.body));
      return;
    }
    out.appendChild(el("p", { class: "answer" }, res.body.answer));
    if ((res.body.cards || []).length) {
      out.appendChild(el("p", { class: "hint" }, "Cards (best first):"));
      out.appendChild(cardList(res.body.cards, false));
    }
  }

  // ------------------------------------------------------------------ upload

  function contentTypeOf(name, text) {
    const n = name.toLowerCase();
    if (n.endsWith(".csv")) {
      return "text/csv";
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return "application/x-ndjson";
    }
    const head = text.slice(0, 4096);
    if (/^\s*ISA/.test(head)) {
      return "application/edi-x12";
    }
    if (/^\s*\{/.test(head) && head.includes("\"resourceType\"")) {
      return "application/fhir+json";
    }
    return "application/json";
  }

  /** The index of the first byte that is not well-formed UTF-8, or -1 (as the server's and CLI's check). */
  function firstInvalidUtf8(b) {
    let i = 0;
    while (i < b.length) {
      const c = b[i];
      if (c < 0x80) {
        i++;
        continue;
      }
      const n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
      if (n === 0 || b.length - i <= n) {
        return i;
      }
      const c1 = b[i + 1];
      if ((c === 0xE0 && c1 < 0xA0) || (c === 0xED && c1 > 0x9F) || (c === 0xF0 && c1 < 0x90)
          || (c === 0xF4 && c1 > 0x8F)) {
        return i;
      }
      for (let k = 1; k <= n; k++) {
        if ((b[i + k] & 0xC0) !== 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return -1;
  }

  async function upload() {
    const input = $("upload-file");
    const out = $("upload-results");
    clear(out);
    const file = input.files && input.files[0];
    if (!file) {
      return;
    }
    if (file.size > 1024 * 1024) {
      out.appendChild(renderProblem({ title: "Too large", detail: "files up to 1 MB are checked here" }));
      return;
    }
    // Read as bytes: file.text() would put U+FFFD where a byte is not UTF-8 (a Latin-1 "Pe\u00f1a") before the API
    // could refuse it. A file that is not UTF-8 is refused here, with where.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      let line = 1;
      for (let i = 0; i < bad; i++) {
        if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
          line++;
        }
      }
      out.appendChild(renderProblem({ title: "Not UTF-8", detail: file.name + ", line " + line
        + ": not valid UTF-8 at byte " + (bad + 1) + " of the file (0x"
        + bytes[bad].toString(16).toUpperCase().padStart(2, "0")
        + "); the file must be UTF-8 (save it as UTF-8 and try again)" }));
      return;
    }
    const text = new TextDecoder("utf-8").decode(bytes);
    const type = contentTypeOf(file.name, text);
    out.appendChild(el("p", { class: "hint" }, "Checking " + file.name + " as " + type + "\u2026"));
    const res = await api("POST", "/api/v1/check", type, text);
    clear(out);
    let results = [];
    if (res.status === 200) {
      results = Array.isArray(res.body) ? res.body : [res.body];
    } else {
      out.appendChild(renderProblem(res.body));
      results = (res.body && Array.isArray(res.body.results)) ? res.body.results : [];
    }
    out.appendChild(el("p", { class: "summary-line" }, file.name + ": " + results.length + " visit"
      + (results.length === 1 ? "" : "s") + " checked."));
    results.forEach((r, i) => {
      const d = el("details", { class: "upload-visit", open: i === 0 },
        el("summary", null, r.visitId + ": " + r.totalUnits + " units, " + (r.findings || []).length + " findings"
          + (r.blocked ? " (blocked)" : "")),
        renderResult(r));
      out.appendChild(d);
    });
  }

  // ------------------------------------------------------------------ start

  async function loadPayers() {
    try {
      const res = await api("GET", "/api/v1/payers");
      if (res.status !== 200 || !Array.isArray(res.body)) {
        return;
      }
      const sel = $("payer");
      const current = sel.value;
      clear(sel);
      for (const p of res.body) {
        sel.appendChild(el("option", { value: p.id, selected: p.id === current },
          p.id + (p.name && p.name !== p.id ? " (" + p.name + ")" : "")));
      }
    } catch (e) {
      // keep the built-in options
    }
  }

  function start() {
    // Today where the biller is (toISOString is the UTC date: tomorrow's in the US evening).
    const now = new Date();
    $("dos").value = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-"
      + String(now.getDate()).padStart(2, "0");
    if ($("visit-id").value === "V-NEW") {
      $("visit-id").value = freshVisitId();
    }
    $("user-name").value = localStorage.getItem("minutewise-user") || "";
    $("user-name").addEventListener("change", () => localStorage.setItem("minutewise-user", $("user-name").value));
    $("api-token").value = sessionStorage.getItem("minutewise-token") || "";
    $("api-token").addEventListener("change", () => {
      sessionStorage.setItem("minutewise-token", $("api-token").value.trim());
      loadPayers();
      scheduleCheck();
    });
    addBlock({ role: $("plan").value });
    // The first block's clinician follows the plan of care until a code is typed in it (an OT plan, an OT).
    $("plan").addEventListener("change", () => {
      const rows = $("blocks").tBodies[0].rows;
      if (rows.length === 1 && !rows[0].querySelector(".b-code").value.trim()) {
        rows[0].querySelector(".b-role").value = $("plan").value;
      }
    });
    $("add-block").addEventListener("click", () => { addBlock(lastRowDefaults(), true); });
    const form = $("visit");
    form.addEventListener("input", () => {
      // A saved visit edited again is no longer what was saved.
      $("save-status").textContent = "";
      scheduleCheck();
    });
    // The page's own limit on the note: said when reached (a pasted note is cut there).
    $("note").addEventListener("input", () => {
      const note = $("note");
      $("note-limit").textContent = note.value.length >= note.maxLength
        ? "The note is at the page's limit of " + note.maxLength.toLocaleString() + " characters: anything past it "
          + "was not taken." : "";
    });
    form.addEventListener("change", scheduleCheck);
    form.addEventListener("submit", (e) => { e.preventDefault(); checkNow(); });
    $("save").addEventListener("click", save);
    $("open-visit").addEventListener("click", openVisit);
    $("new-visit").addEventListener("click", newVisit);
    $("lookup-form").addEventListener("submit", lookup);
    $("search-form").addEventListener("submit", search);
    $("ask-form").addEventListener("submit", ask);
    $("upload-file").addEventListener("change", upload);
    $("print").addEventListener("click", () => {
      // Results for earlier entries print under their "Not checked" banner, and only when asked for.
      if ($("report").classList.contains("stale") && !window.confirm("The service did not answer the last check: "
        + "the results on screen are for the earlier entries. Print them anyway, marked as not checked?")) {
        return;
      }
      window.print();
    });
    document.addEventListener("keydown", (e) => {
      if (e.altKey && (e.key === "n" || e.key === "N")) {
        e.preventDefault();
        addBlock(lastRowDefaults(), true);
      }
    });
    // Enter in the last block's last text field adds a block, like a spreadsheet.
    $("blocks").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && e.target.tagName === "INPUT") {
        e.preventDefault();
        const row = e.target.closest("tr");
        if (row && !row.nextElementSibling) {
          addBlock(lastRowDefaults(), true);
        } else if (row) {
          row.nextElementSibling.querySelector(".b-code").focus();
        }
      }
    });
    loadPayers();
    checkNow();
  }

  /** A new block takes the provider and role of the one above (the same clinician usually goes on). */
  function lastRowDefaults() {
    const rows = $("blocks").tBodies[0].rows;
    const last = rows[rows.length - 1];
    if (!last) {
      return { role: $("plan").value };
    }
    return { role: last.querySelector(".b-role").value, provider: last.querySelector(".b-provider").value,
      supervisor: last.querySelector(".b-supervisor").value, plan: last.querySelector(".b-plan").value,
      planAuto: Boolean(last.querySelector(".b-plan").dataset.auto), start: last.querySelector(".b-end").value };
  }

  document.addEventListener("DOMContentLoaded", start);
})();
