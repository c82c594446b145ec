// The availability report over a chosen period, the recovery-time histograms and the recoveries of that period.
import { downFor, el, formatSeconds, get, incidentLink, label, operatorKey, seconds, time } from "./api.js";
import { statusLine } from "./operator.js";

const status = statusLine(document.getElementById("status"));
const from = document.getElementById("from");
const to = document.getElementById("to");
const pageSize = 200;

// datetime-local speaks local time without a zone.
const localInput = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

function nines(percent) {
  if (percent >= 100) return "no downtime";
  return percent <= 0 ? "0" : (-Math.log10(1 - percent / 100)).toFixed(1);
}

function renderReport(report) {
  document.querySelector("#report tbody").replaceChildren(...report.vms.map((vm) =>
    el("tr", { "data-vm": vm.vmName },
      el("th", { scope: "row" }, vm.vmName),
      el("td", {}, vm.incidents),
      el("td", {}, vm.recovered),
      el("td", {}, vm.failed),
      el("td", {}, vm.open),
      el("td", {}, formatSeconds(seconds(vm.downtime)) || "0 s"),
      el("td", {}, formatSeconds(seconds(vm.medianTimeToRecover))),
      el("td", {}, formatSeconds(seconds(vm.worstTimeToRecover))),
      el("td", {}, `${vm.availabilityPercent.toFixed(4)} %`),
      el("td", {}, nines(vm.availabilityPercent)))));
}

async function renderHistograms(start, end) {
  const query = new URLSearchParams({ from: start.toISOString(), to: end.toISOString() });
  const key = operatorKey.get();
  const response = await fetch(`/reports/recovery-times.svg?${query}`, { headers: key ? { "x-api-key": key } : {} });
  if (!response.ok) throw new Error(await response.text());
  const svg = new DOMParser().parseFromString(await response.text(), "image/svg+xml").documentElement;
  document.getElementById("histograms").replaceChildren(document.importNode(svg, true));
}

async function renderRecoveries(start, end) {
  const query = new URLSearchParams({ startedAfter: start.toISOString(), startedBefore: end.toISOString(), pageSize });
  const page = await get(`/v1/recoveries?${query}`);
  document.querySelector("#recoveries tbody").replaceChildren(...page.recoveries.map((recovery) =>
    el("tr", {},
      el("td", {}, time(recovery.startedAt)),
      el("th", { scope: "row" }, recovery.vmName),
      el("td", {}, label(recovery.state, "RECOVERY_STATE_")),
      el("td", {}, label(recovery.currentStep, "RECOVERY_STEP_KIND_")),
      el("td", {}, downFor(recovery)),
      el("td", {}, incidentLink(recovery.id)))));
}

async function show(start, end) {
  try {
    const query = new URLSearchParams({ windowStart: start.toISOString(), windowEnd: end.toISOString() });
    renderReport(await get(`/v1/reports/availability?${query}`));
    await Promise.all([renderHistograms(start, end), renderRecoveries(start, end)]);
    status(`From ${start.toLocaleString()} to ${end.toLocaleString()}.`, false);
  } catch (error) {
    status(`Cannot show the report: ${error.message}`, true);
  }
}

function lastDays(days) {
  const now = new Date();
  const start = new Date(now.getTime() - days * 86400000);
  to.value = localInput(now);
  from.value = localInput(start);
  show(start, now);
}

document.getElementById("period").addEventListener("submit", (event) => {
  event.preventDefault();
  show(new Date(from.value), new Date(to.value));
});
for (const button of document.querySelectorAll("[data-days]")) button.addEventListener("click", () => lastDays(Number(button.dataset.days)));
lastDays(1);
