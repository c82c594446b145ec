// The overview: every VM and host as the read model knows it, refreshed on every event the Api receives.
import { el, get, incidentLink, label, since, time, watch } from "./api.js";
import { act, operatorPanel, statusLine } from "./operator.js";

const status = statusLine(document.getElementById("status"));
const shownEvents = 50;
// Reports that come with every poll: the periodic refresh shows them; the events list keeps the changes.
const periodic = new Set(["HostLoadReported", "HostStatesReported"]);
let refreshing = false;
let refreshAgain = false;

// One refresh at a time; whatever arrives during one asks for one more after it.
async function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  do {
    refreshAgain = false;
    try {
      const [cluster, vms] = await Promise.all([get("/v1/hosts"), get("/v1/vms")]);
      renderAlerts(cluster);
      renderVms(vms.vms);
      renderHosts(cluster.hosts);
    } catch (error) {
      status(`Cannot read the Api: ${error.message}`, true);
    }
  } while (refreshAgain);
  refreshing = false;
}

function ticking(timestamp) {
  return el("span", { "data-since": timestamp || null }, since(timestamp));
}

function maintenanceButton(kind, name, maintenance) {
  const on = !maintenance;
  return el("button", {
    type: "button",
    onclick: () => act(`${on ? "Put" : "Take"} ${kind} ${name} ${on ? "into" : "out of"} maintenance`, "/v1/maintenance",
      { target: `MAINTENANCE_TARGET_${kind.toUpperCase()}`, name, inMaintenance: on }, status, refresh),
  }, on ? "Maintenance on" : "Maintenance off");
}

function renderVms(vms) {
  const rows = vms.map((vm) => {
    const state = label(vm.state, "VM_STATE_");
    const recovery = vm.openRecovery;
    const host = vm.currentHost === vm.homeHost ? vm.currentHost : `${vm.currentHost} (home ${vm.homeHost})`;
    return el("tr", { "data-vm": vm.name, "data-state": state },
      el("th", { scope: "row" }, vm.name),
      el("td", {}, el("span", { class: `badge state-${state}` }, state),
        vm.maintenance ? el("span", { class: "badge maintenance" }, "maintenance") : null,
        el("div", { class: "reason" }, vm.stateReason)),
      el("td", {}, host),
      el("td", {}, recovery
        ? [incidentLink(recovery.id, label(recovery.currentStep, "RECOVERY_STEP_KIND_") || "starting"),
          el("div", { class: "reason" }, `from ${label(recovery.startLevel, "RECOVERY_LEVEL_")}: ${recovery.trigger}`)]
        : ""),
      el("td", {}, ticking(vm.stateSince)),
      el("td", { class: "actions" },
        el("button", { type: "button", onclick: () => showPlan(vm.name) }, "Plan"),
        el("button", {
          type: "button",
          onclick: () => act(`Recover ${vm.name} now`, `/v1/vms/${encodeURIComponent(vm.name)}:recover`, {}, status, refresh),
        }, "Recover"),
        maintenanceButton("vm", vm.name, vm.maintenance)));
  });
  document.querySelector("#vms tbody").replaceChildren(...rows);
}

function renderHosts(hosts) {
  const rows = hosts.map((host) => {
    const state = label(host.state, "HOST_STATE_");
    const load = host.load;
    const memory = load && Number(load.memoryTotalKb) > 0
      ? `${(Number(load.memoryFreeKb) / 1048576).toFixed(1)} of ${(Number(load.memoryTotalKb) / 1048576).toFixed(1)} GiB`
      : "";
    return el("tr", { "data-host": host.name, "data-state": state },
      el("th", { scope: "row" }, host.name),
      el("td", {}, el("span", { class: `badge state-${state}` }, state),
        host.maintenance ? el("span", { class: "badge maintenance" }, "maintenance") : null,
        el("div", { class: "reason" }, host.stateReason)),
      el("td", {}, load ? `${load.loadOne.toFixed(2)} (limit ${host.loadThreshold})` : ""),
      el("td", {}, `${host.vmNames.length} of ${host.maxVms || "∞"}`, el("div", { class: "reason" }, host.vmNames.join(", "))),
      el("td", {}, memory),
      el("td", {}, host.lastHeardAt ? [ticking(host.lastHeardAt), " ago"] : "never"),
      el("td", { class: "actions" }, maintenanceButton("host", host.name, host.maintenance)));
  });
  document.querySelector("#hosts tbody").replaceChildren(...rows);
}

function renderAlerts(cluster) {
  const alerts = [];
  const halted = cluster.fencingHalted;
  if (halted) {
    alerts.push(el("div", { class: "alert", role: "alert" },
      el("strong", {}, "Fencing is halted. "),
      `${halted.reason} Silent hosts: ${halted.silentHosts.join(", ")}; since ${time(halted.since)}. `,
      el("button", { type: "button", onclick: () => act("Resume fencing", "/v1/fencing:resume", {}, status, refresh) }, "Resume fencing")));
  }
  for (const alert of cluster.fencingAlerts) {
    alerts.push(el("div", { class: "alert", role: "alert", "data-alert": alert.recoveryId },
      el("strong", {}, `Fencing alert for ${alert.vmName}: `), alert.summary, " ", incidentLink(alert.recoveryId), " ",
      el("button", {
        type: "button",
        onclick: () => act(`Acknowledge the fencing alert of ${alert.vmName}`,
          `/v1/recoveries/${alert.recoveryId}/fencing-alert:acknowledge`, {}, status, refresh),
      }, "Acknowledge")));
  }
  for (const source of cluster.monitorSources.filter((source) => !source.available)) {
    alerts.push(el("div", { class: "alert warning" }, el("strong", {}, `Ganglia source ${source.source} unavailable: `),
      `${source.reason} (since ${time(source.since)})`));
  }
  document.getElementById("alerts").replaceChildren(...alerts);
}

async function showPlan(vm) {
  const target = document.getElementById("plan");
  try {
    const plan = await get(`/v1/vms/${encodeURIComponent(vm)}/plan`);
    const where = plan.placementHost ? `; it would start on ${plan.placementHost} (${plan.placementReason})` : "";
    target.replaceChildren(el("div", { class: "plan" },
      el("strong", {}, `What ThreeRC would do now for ${vm}: `),
      `${label(plan.level, "RECOVERY_LEVEL_") || "nothing"}. ${plan.explanation}${where}.`,
      plan.openRecoveryId ? [" Open: ", incidentLink(plan.openRecoveryId)] : null));
  } catch (error) {
    target.replaceChildren(el("div", { class: "plan error" }, `No plan for ${vm}: ${error.message}`));
  }
}

function addEvent(event) {
  const list = document.getElementById("events");
  list.prepend(el("li", { "data-kind": event.kind },
    el("time", { datetime: event.occurredAt }, new Date(event.occurredAt).toLocaleTimeString()), " ",
    el("span", { class: "kind" }, event.kind), " ", event.summary,
    event.recoveryId ? [" ", incidentLink(event.recoveryId)] : null));
  while (list.children.length > shownEvents) list.lastElementChild.remove();
}

operatorPanel(document.getElementById("operator"), refresh);
watch((event) => {
  if (periodic.has(event.kind)) return;
  addEvent(event);
  refresh();
}, (state) => {
  document.getElementById("live").textContent = state === "live" ? "live" : state;
  if (state === "live") refresh();
});
setInterval(() => {
  for (const cell of document.querySelectorAll("[data-since]")) cell.textContent = since(cell.dataset.since);
}, 1000);
setInterval(refresh, 15000);
