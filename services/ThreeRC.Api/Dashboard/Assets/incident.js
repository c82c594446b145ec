// One recovery: its facts, its steps with their durations, and every event of it, refreshed while it is open.
import { between, downFor, el, formatSeconds, get, label, seconds, time, watch } from "./api.js";
import { statusLine } from "./operator.js";

const status = statusLine(document.getElementById("status"));
const id = decodeURIComponent(location.pathname.split("/").pop());

function fact(term, ...value) {
  return [el("dt", {}, term), el("dd", {}, ...value)];
}

function render(recovery) {
  const state = label(recovery.state, "RECOVERY_STATE_");
  document.title = `ThreeRC: ${recovery.vmName} incident`;
  document.getElementById("title").textContent = `${recovery.vmName}: incident ${recovery.id}`;
  const summary = document.getElementById("summary");
  summary.dataset.state = state;
  summary.replaceChildren(
    ...fact("State", el("span", { class: `badge recovery-${state}` }, state),
      recovery.currentStep && state === "open" ? ` (${label(recovery.currentStep, "RECOVERY_STEP_KIND_")})` : ""),
    ...fact("VM", recovery.vmName),
    ...fact("Started at", label(recovery.startLevel, "RECOVERY_LEVEL_")),
    ...fact("Trigger", recovery.trigger),
    ...fact("Last heard", time(recovery.lastHeardAt)),
    ...fact("Detected", time(recovery.startedAt)),
    ...fact("Ended", time(recovery.completedAt)),
    ...fact("Time to recover", downFor(recovery)
      ? `${downFor(recovery)} from the last heartbeat (${formatSeconds(seconds(recovery.timeToRecover))} from the detection)`
      : "not recovered"),
    ...fact("Reason", recovery.reason));

  document.querySelector("#steps tbody").replaceChildren(...recovery.steps.map((step) =>
    el("tr", { "data-step": label(step.step, "RECOVERY_STEP_KIND_") },
      el("th", { scope: "row" }, label(step.step, "RECOVERY_STEP_KIND_")),
      el("td", {}, step.hostName),
      el("td", {}, step.detail),
      el("td", {}, time(step.startedAt)),
      el("td", {}, step.endedAt ? between(step.startedAt, step.endedAt) : "running"))));

  const start = recovery.lastHeardAt || recovery.startedAt;
  document.querySelector("#timeline tbody").replaceChildren(...recovery.events.map((event) =>
    el("tr", { "data-kind": event.kind },
      el("td", {}, el("time", { datetime: event.occurredAt }, time(event.occurredAt))),
      el("td", {}, between(start, event.occurredAt)),
      el("th", { scope: "row" }, event.kind),
      el("td", {}, event.hostName),
      el("td", {}, event.summary))));
}

async function refresh() {
  try {
    render(await get(`/v1/recoveries/${encodeURIComponent(id)}`));
  } catch (error) {
    status(`Cannot show incident ${id}: ${error.message}`, true);
  }
}

watch((event) => {
  if (event.recoveryId === id) refresh();
}, (state) => {
  document.getElementById("live").textContent = state;
  if (state === "live") refresh();
});
